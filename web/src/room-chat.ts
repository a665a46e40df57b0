// The meeting's chat list: lines as they come, and the whole log again when a state brings one.
import { Badge, shownName } from './badges';
import type { ChatLine } from './protocol';
import type { Texts } from './texts';

/** Chat lines a tab keeps on screen, as many as the server keeps for a late joiner (ChatLog.KEPT_LINES). */
export const CHAT_LINES_KEPT = 200;

export class RoomChat {
  /** The log and roster last drawn from a state: an equal state draws nothing. */
  private drawn: string | null = null;

  constructor(private readonly list: HTMLElement | null, private readonly texts: Texts) {}

  /** Draws a state's log, unless it and the names are as last drawn. */
  show(lines: ChatLine[], roster: Badge[]): void {
    const key = JSON.stringify([lines, roster.map((badge) => [badge.participantId, badge.name, badge.pseudonym])]);
    if (!this.list || key === this.drawn) return;
    this.drawn = key;
    this.list.replaceChildren();
    lines.forEach((line) => this.append(line, roster));
  }

  append(line: ChatLine, roster: Badge[]): void {
    if (!this.list) return;
    const item = document.createElement('li');
    const from = roster.find((badge) => badge.participantId === line.from);
    const who = document.createElement('strong');
    who.textContent = from ? shownName(from, this.texts) : line.name;
    item.append(who, ': ', line.text);
    this.list.append(item);
    // as many lines as the server keeps for a late joiner: a long meeting (or a flood) never grows the page without end
    while (this.list.childElementCount > CHAT_LINES_KEPT) this.list.firstElementChild?.remove();
  }
}
