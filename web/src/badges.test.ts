import { describe, expect, it } from 'vitest';
import { Badge, identityLine, minutesWaited, shownName } from './badges';
import { format } from './texts';
import { reconnectDelay, socketUrl } from './signaling';
import { moveTargets } from './console';
import { statusKey } from './meeting-room';
import type { ParticipantState } from './protocol';

const texts = {
  pseudonym: 'Gäst {0}', anonymous: 'Anonym: {0}', verified: 'Verifierad: {0}', unverified: 'Inbjuden som {0}',
  simulated: '(simulator)', hostMark: 'värd', BANKID: 'BankID', LOA3: 'tillitsnivå 3', LINK: 'länk', NONE: 'ingen',
};

const guest = (fields: Partial<Badge>): Badge => ({ participantId: 'p', name: '', host: false, simulated: false, connectionLost: false, ...fields });

describe('badges', () => {
  it.each([
    [guest({ name: 'Anna', verifiedName: 'Anna Andersson', method: 'BANKID', level: 'LOA3' }), 'Anna', 'BankID, tillitsnivå 3, Verifierad: Anna Andersson'],
    [guest({ pseudonym: 'K7Q4', method: 'LINK', level: 'NONE' }), 'Gäst K7Q4', 'länk, ingen, Anonym: Gäst K7Q4'],
    [guest({ name: 'Bertil', pseudonym: 'K7Q4', method: 'LINK', level: 'NONE' }), 'Bertil', 'länk, ingen, Anonym: Gäst K7Q4'],
    [guest({ name: 'Cecilia', method: 'LINK', level: 'NONE', simulated: true }), 'Cecilia', 'länk, ingen, Inbjuden som Cecilia, (simulator)'],
    [guest({ name: 'Vera', host: true }), 'Vera', 'värd'],
  ])('shows %o as %s with %s', (badge, name, line) => {
    expect(shownName(badge, texts)).toBe(name);
    expect(identityLine(badge, texts)).toBe(line);
  });

  it('counts whole minutes waited and never less than zero', () => {
    const now = Date.parse('2026-03-03T09:10:30Z');
    expect(minutesWaited('2026-03-03T09:00:00Z', now)).toBe(10);
    expect(minutesWaited('2026-03-03T09:20:00Z', now)).toBe(0);
    expect(minutesWaited('garbage', now)).toBe(0);
  });
});

describe('texts and signaling', () => {
  it('fills placeholders and shows a missing key', () => {
    expect(format({ a: '{0} reagerade: {1}' }, 'a', 'Anna', 'Applåd')).toBe('Anna reagerade: Applåd');
    expect(format({}, 'missing')).toBe('missing');
  });

  it('backs off from half a second to ten seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('uses wss on https pages', () => {
    expect(socketUrl('/ws?console', { protocol: 'https:', host: 'portvakt.example' })).toBe('wss://portvakt.example/ws?console');
    expect(socketUrl('/ws?console', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws?console');
  });

  it('offers only the other meetings of the same room for a move', () => {
    const meetings = [
      { id: 'a', title: 'A', roomName: 'Rum 1', start: '', started: false, locked: false },
      { id: 'b', title: 'B', roomName: 'Rum 1', start: '', started: false, locked: false },
      { id: 'c', title: 'C', roomName: 'Rum 2', start: '', started: false, locked: false },
    ];
    expect(moveTargets({ meetingId: 'a', roomName: 'Rum 1' }, meetings).map((m) => m.id)).toEqual(['b']);
  });

  it.each([
    [false, 'WAITING', 'told'], [false, 'ADMITTED', 'admitted'], [false, 'IN_MEETING', 'inMeeting'],
    [true, null, 'notJoined'], [true, 'IN_MEETING', 'joined'],
  ])('host %s in state %s sees %s', (host, yourState, key) => {
    expect(statusKey({ host: host as boolean, yourState: yourState as ParticipantState | null, meeting: { id: '', title: '', roomName: '', started: false, locked: false, ended: false } })).toBe(key);
  });
});
