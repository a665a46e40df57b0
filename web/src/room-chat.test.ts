import { describe, expect, it } from 'vitest';
import { CHAT_LINES_KEPT, RoomChat } from './room-chat';
import type { Badge, ChatLine } from './protocol';

const anna: Badge = { participantId: 'a', name: 'Anna', host: false, simulated: false, connectionLost: false };
const line = (text: string): ChatLine => ({ from: 'a', name: 'Anna A', text, at: '2026-12-06T10:00:00Z' });

describe('RoomChat', () => {
  it('names a line by the roster, and keeps only as many lines as the server does', () => {
    const list = document.createElement('ul');
    const chat = new RoomChat(list, {});
    for (let i = 0; i <= CHAT_LINES_KEPT; i++) chat.append(line(`rad ${i}`), [anna]);
    expect(list.childElementCount).toBe(CHAT_LINES_KEPT);
    expect(list.lastElementChild?.textContent).toBe(`Anna: rad ${CHAT_LINES_KEPT}`);
  });

  it('draws a state\'s log again only when it or the names changed', () => {
    const list = document.createElement('ul');
    const chat = new RoomChat(list, {});
    chat.show([line('hej')], [anna]);
    const drawn = list.firstElementChild;
    chat.show([line('hej')], [anna]);
    expect(list.firstElementChild).toBe(drawn);
    chat.show([line('hej')], [{ ...anna, name: 'Anna Andersson' }]);
    expect(list.firstElementChild).not.toBe(drawn);
    expect(list.textContent).toBe('Anna Andersson: hej');
  });
});
