// The microphone's loudness, for a level bar: shared by the pre-join check and the equipment test.

/** How often the level is reported, in milliseconds (about 10 Hz: smooth enough for a bar, cheap). */
const INTERVAL_MS = 100;

/** RMS of samples centred on 128 (an AnalyserNode's byte time-domain data), scaled so speech fills the bar: 0..1. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  const rms = Math.sqrt(sum / samples.length);
  // normal speech is an RMS of about 0.05-0.2: a square root lifts it into the middle of the bar
  return Math.min(1, Math.sqrt(rms * 4));
}

/**
 * Calls {@code onLevel} with the stream's audio level (0..1) about ten times a second until the returned function is
 * called; a stream without audio reports nothing. The stream's tracks are not stopped by it.
 */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return () => {};
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  // a context made before any user gesture starts suspended in some browsers; analysing needs it running
  void context.resume().catch(() => undefined);
  const timer = window.setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    onLevel(levelOf(samples));
  }, INTERVAL_MS);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}
