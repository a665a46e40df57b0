// A short two-note chime: the pre-join's "test sound" and the waiting room's "you are let in". Made in the
// browser (no sound file to fetch), played on the chosen speaker where the browser can choose one.

/** The notes (Hz) and how long each sounds (s). */
const NOTES: ReadonlyArray<readonly [number, number]> = [[660, 0.18], [880, 0.32]];
const GAP_S = 0.04;

/** Seconds the chime lasts, so a caller (or a suspended audio context) never waits longer than this. */
export function chimeDuration(): number {
  return NOTES.reduce((total, [, length]) => total + length + GAP_S, 0);
}

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/** Plays the chime on the given speaker (where the browser supports choosing one) and resolves when it is over. */
export async function playTestSound(sinkId?: string): Promise<void> {
  const AudioContextClass = window.AudioContext
    ?? window.webkitAudioContext;
  if (!AudioContextClass) return;
  const context: SinkContext = new AudioContextClass();
  try {
    if (sinkId && typeof context.setSinkId === 'function') {
      // a speaker that has gone away plays on the default one rather than not at all
      await context.setSinkId(sinkId).catch(() => undefined);
    }
    await context.resume().catch(() => undefined);
    let at = context.currentTime + 0.02;
    for (const [frequency, length] of NOTES) {
      const tone = context.createOscillator();
      const volume = context.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      // a soft start and end: no click
      volume.gain.setValueAtTime(0, at);
      volume.gain.linearRampToValueAtTime(0.25, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.001, at + length);
      tone.connect(volume).connect(context.destination);
      tone.start(at);
      tone.stop(at + length);
      at += length + GAP_S;
    }
    // the clock, not an event: a context the browser keeps suspended would never say it ended
    await new Promise((resolve) => window.setTimeout(resolve, chimeDuration() * 1000 + 50));
  } finally {
    void context.close().catch(() => undefined);
  }
}
