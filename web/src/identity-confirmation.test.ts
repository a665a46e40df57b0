import { describe, expect, it } from 'vitest';
import { badgeFor } from './identity-confirmation';

describe('badgeFor', () => {
  const badges = [{ participantId: 'a', text: 'bekräftad i mötet med BankID kl. 10:02' }];

  it('gives the confirmed participant their badge', () => {
    expect(badgeFor(badges, 'a')).toBe('bekräftad i mötet med BankID kl. 10:02');
  });

  it('gives anyone else none', () => {
    expect(badgeFor(badges, 'b')).toBeNull();
  });
});
