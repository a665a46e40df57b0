import { describe, expect, it } from 'vitest';
import { letIn, stillWaiting } from './waiting-room';

describe('letIn', () => {
  it('is the step from waiting to admitted or straight into the meeting', () => {
    expect(letIn('WAITING', 'ADMITTED')).toBe(true);
    expect(letIn('WAITING', 'IN_MEETING')).toBe(true);
  });

  it('is not a page opened (or reloaded) after being let in, nor any other step', () => {
    expect(letIn(undefined, 'ADMITTED')).toBe(false);
    expect(letIn('NONE', 'IN_MEETING')).toBe(false);
    expect(letIn('ADMITTED', 'IN_MEETING')).toBe(false);
    expect(letIn('IN_MEETING', 'WAITING')).toBe(false);
    expect(letIn('WAITING', 'WAITING')).toBe(false);
    expect(letIn('WAITING', undefined)).toBe(false);
  });
});

describe('stillWaiting', () => {
  it('shows the waiting room until the meeting or the end', () => {
    expect(stillWaiting(undefined, false)).toBe(true);
    expect(stillWaiting('WAITING', false)).toBe(true);
    expect(stillWaiting('ADMITTED', false)).toBe(true);
    expect(stillWaiting('IN_MEETING', false)).toBe(false);
    expect(stillWaiting('WAITING', true)).toBe(false);
  });
});
