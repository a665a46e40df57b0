import { describe, expect, it } from 'vitest';
import { chimeDuration, playTestSound } from './test-sound';

describe('the test sound', () => {
  it('is short: under a second', () => {
    expect(chimeDuration()).toBeGreaterThan(0.3);
    expect(chimeDuration()).toBeLessThan(1);
  });

  it('does nothing (and does not fail) where the browser has no Web Audio', async () => {
    expect(window.AudioContext).toBeUndefined();
    await expect(playTestSound('speaker')).resolves.toBeUndefined();
  });
});
