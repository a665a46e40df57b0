import { describe, expect, it } from 'vitest';
import { remaining } from './countdown';

describe('remaining', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [999, '0:01'],
    [61_000, '1:01'],
    [14 * 60_000 + 59_000, '14:59'],
    [3_600_000 + 5_000, '1:00:05'],
  ])('%i ms is %s', (ms, text) => {
    expect(remaining(ms)).toBe(text);
  });
});
