// A microphone's loudness, about ten times a second, for meters and the "you are muted" hint. Shared by the
// pre-join page and the meeting room.

/** Calls onLevel with the stream's level, 0 (silence) to 1 (loud), about every 100 ms; returns a stop function. */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioContextClass || stream.getAudioTracks().length === 0) return () => undefined;
  const context = new AudioContextClass();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  // a context created before the page was touched starts suspended: the next click or key lets it run
  const wake = () => {
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  };
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, wake, { capture: true });
  const timer = window.setInterval(() => {
    wake();
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    // RMS to a 0..1 scale where ordinary speech (RMS ~0.05-0.2) lands well above the middle
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 100);
  return () => {
    window.clearInterval(timer);
    for (const type of ['pointerdown', 'keydown']) document.removeEventListener(type, wake, { capture: true });
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}
