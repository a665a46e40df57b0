import { describe, expect, it } from 'vitest';
import { denyMessageLimit, parseServerMessage } from './protocol';

describe('parseServerMessage', () => {
  it('gives a known message its type, so its fields are typed', () => {
    const message = parseServerMessage('{"type":"renegotiate","audio":2,"video":3}');
    expect(message?.type).toBe('renegotiate');
    if (message?.type !== 'renegotiate') throw new Error('not narrowed');
    expect(message.audio + message.video).toBe(5);
  });

  it('keeps every field of a state as the server sent it', () => {
    const state = { type: 'state', you: 'p1', yourState: 'IN_MEETING', host: false, roster: [], admitted: [], chat: [],
      meeting: { id: 'm', title: 'T', roomName: 'R', started: true, locked: false, ended: false }, iceServers: [] };
    expect(parseServerMessage(JSON.stringify(state))).toEqual(state);
  });

  it.each([
    ['not JSON', 'state'],
    ['a type this client does not know', '{"type":"newerThanUs"}'],
    ['no type', '{"sdp":"v=0"}'],
    ['a type that is no string', '{"type":7}'],
    ['null', 'null'],
    ['a bare string', '"state"'],
  ])('drops %s', (_, frame) => {
    expect(parseServerMessage(frame)).toBeNull();
  });
});

describe('denyMessageLimit', () => {
  it('is what the page says on its texts template', () => {
    document.body.innerHTML = '<template data-texts data-deny-max="500"></template>';
    expect(denyMessageLimit(document)).toBe(500);
  });

  it.each([[''], ['<template data-texts></template>'], ['<template data-texts data-deny-max="many"></template>']])(
    'is absent when the page does not say (%s)', (html) => {
      document.body.innerHTML = html;
      expect(denyMessageLimit(document)).toBeUndefined();
    });
});
