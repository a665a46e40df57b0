// A short two-tone chime through the chosen speakers: shared by the pre-join check and the equipment test.

/** The chime's notes: frequency in Hz and start in seconds; each lasts NOTE_SECONDS. */
const NOTES: ReadonlyArray<[number, number]> = [[660, 0], [880, 0.35]];
const NOTE_SECONDS = 0.5;

interface SinkSelectable {
  setSinkId?: (sinkId: string) => Promise<void>;
}

/**
 * Plays the chime and resolves when it has finished. {@code sinkId} picks the output device where the browser can
 * (AudioContext.setSinkId); elsewhere the default output plays it. Rejects if the browser cannot play audio.
 */
export async function playTestSound(sinkId?: string): Promise<void> {
  const context = new AudioContext();
  try {
    const selectable = context as unknown as SinkSelectable;
    if (sinkId && selectable.setSinkId) await selectable.setSinkId(sinkId);
    await context.resume();
    const start = context.currentTime + 0.05;
    for (const [frequency, offset] of NOTES) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // a soft attack and decay: no click at either end
      gain.gain.setValueAtTime(0, start + offset);
      gain.gain.linearRampToValueAtTime(0.3, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + NOTE_SECONDS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + NOTE_SECONDS);
    }
    const last = NOTES[NOTES.length - 1][1] + NOTE_SECONDS;
    await new Promise<void>((resolve) => window.setTimeout(resolve, (last + 0.1) * 1000));
  } finally {
    await context.close().catch(() => undefined);
  }
}
