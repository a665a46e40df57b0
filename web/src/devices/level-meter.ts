// A live microphone level for meters and the "you are muted" hint: the loudness of a stream's audio, about ten
// times a second, as a number from 0 (silence) to 1 (loud). Nothing leaves the browser.

/** How often the level is reported: often enough to look alive, rarely enough to cost nothing. */
export const LEVEL_INTERVAL_MS = 100;
/** The quietest sound the meter shows, in dBFS; the scale from here to 0 dBFS is linear in decibels. */
const FLOOR_DB = -60;

/** The level of one block of samples (-1..1): its RMS in decibels, mapped so -60 dBFS is 0 and full scale is 1. */
export function levelOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** Reports the stream's audio level (0..1) about every 100 ms until the returned stop is called. */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const AudioContextClass = window.AudioContext
    ?? window.webkitAudioContext;
  if (!AudioContextClass || stream.getAudioTracks().length === 0) {
    onLevel(0);
    return () => undefined;
  }
  const context = new AudioContextClass();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  // a context made without a click may start suspended (or be suspended later by a busy browser): asked to run
  // at once, on every look, and on the next click or key, which a browser never refuses
  const wake = (): void => {
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  };
  wake();
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, wake, { capture: true });
  const timer = window.setInterval(() => {
    wake();
    const live = stream.getAudioTracks().some((track) => track.readyState === 'live' && track.enabled);
    if (!live) {
      onLevel(0);
      return;
    }
    analyser.getFloatTimeDomainData(samples);
    onLevel(levelOf(samples));
  }, LEVEL_INTERVAL_MS);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    window.clearInterval(timer);
    for (const type of ['pointerdown', 'keydown']) document.removeEventListener(type, wake, { capture: true });
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}

declare global {
  interface Window {
    /** Safari before 14.1 names the Web Audio context with its prefix. */
    webkitAudioContext?: typeof AudioContext;
  }
}
