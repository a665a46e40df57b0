import { describe, expect, it } from 'vitest';
import { familyLine } from './console';

const texts = { guardianOf: 'vårdnadshavare till {0}', guardedBy: 'barn, med vårdnadshavare {0}' };

describe('who comes with whom in the console', () => {
  it.each([
    [{ guardianOf: 'Lisa Larsson', guardians: [] }, 'vårdnadshavare till Lisa Larsson'],
    [{ guardianOf: null, guardians: ['Anna Larsson', 'Per Larsson'] }, 'barn, med vårdnadshavare Anna Larsson, Per Larsson'],
    [{ guardianOf: null, guardians: [] }, null],
    [{}, null],
  ])('%o', (waiting, expected) => {
    expect(familyLine(waiting, texts)).toBe(expected);
  });
});
