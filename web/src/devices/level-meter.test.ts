import { describe, expect, it } from 'vitest';
import { levelOf } from './level-meter';

const sine = (amplitude: number, length = 1024) =>
  Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 32));

describe('levelOf', () => {
  it('is 0 for silence and for no samples', () => {
    expect(levelOf(new Float32Array(1024))).toBe(0);
    expect(levelOf([])).toBe(0);
  });

  it('grows with loudness and stays inside 0..1', () => {
    const quiet = levelOf(sine(0.01));
    const speech = levelOf(sine(0.1));
    const loud = levelOf(sine(1));
    expect(quiet).toBeGreaterThan(0);
    expect(speech).toBeGreaterThan(quiet);
    expect(loud).toBeGreaterThan(speech);
    expect(loud).toBeLessThanOrEqual(1);
    expect(levelOf(new Float32Array(64).fill(3))).toBe(1);
  });

  it('maps -60 dBFS to 0 and a full-scale square to 1', () => {
    expect(levelOf(new Float32Array(64).fill(0.001))).toBeCloseTo(0, 5);
    expect(levelOf(new Float32Array(64).fill(1))).toBe(1);
    // -30 dBFS RMS is half-way
    expect(levelOf(new Float32Array(64).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5, 5);
  });
});
