// The host's waiting guests inside the room: the same live list the console shows (its `lobby` messages over a
// console socket of the host's own), narrowed to this meeting, with admit, deny and move, so the host never has to
// leave the meeting to let someone in (docs/protocol.md, "Connecting").
import { Badge, identityLine, minutesWaited, shownName } from './badges';
import { chime, moveTargets } from './console';
import { denyMessageLimit, ServerMessage } from './protocol';
import { Signaling, socketUrl } from './signaling';
import { errorText, format, type Texts } from './texts';

interface Waiting {
  guest: Badge;
  meetingId: string;
  meetingTitle: string;
  roomName: string;
  waitingSince: string;
}

interface Lobby {
  waiting: Waiting[];
  meetings: Array<{ id: string; title: string; roomName: string; start: string; started: boolean; locked: boolean }>;
}

/** The waiting guests of one meeting, oldest first as the server sends them. */
export function waitingFor(lobby: Lobby, meetingId: string): Waiting[] {
  return lobby.waiting.filter((waiting) => waiting.meetingId === meetingId);
}

export function roomWaiting(
  panel: HTMLElement,
  socketPath: string,
  meetingId: string,
  texts: Texts,
  events: { count: (waiting: number) => void; say: (text: string) => void; arrived: (text: string) => void },
): void {
  const list = panel.querySelector<HTMLElement>('[data-room-waiting]')!;
  const empty = panel.querySelector<HTMLElement>('[data-waiting-empty]');
  const admitAll = panel.querySelector<HTMLButtonElement>('[data-room-admit-all]');
  let lobby: Lobby = { waiting: [], meetings: [] };
  const drafts = new Map<string, string>();
  const signaling = new Signaling(socketUrl(socketPath, window.location), (message) => handle(message), () => undefined);

  function handle(message: ServerMessage): void {
    if (message.type === 'lobby') {
      lobby = message;
      render();
    } else if (message.type === 'arrived') {
      const waiting = message.guest;
      if (waiting.meetingId !== meetingId) return;
      chime();
      events.arrived(format(texts, 'arrivedHere', shownName(waiting.guest, texts)));
    } else if (message.type === 'error') {
      events.say(errorText(texts, message.code));
    }
  }

  function render(): void {
    const mine = waitingFor(lobby, meetingId);
    const focused = document.activeElement?.id;
    events.count(mine.length);
    if (empty) empty.hidden = mine.length > 0;
    if (admitAll) admitAll.hidden = mine.length < 2;
    list.replaceChildren(...mine.map(row));
    if (focused) document.getElementById(focused)?.focus();
  }

  function row(waiting: Waiting): HTMLElement {
    const guest = waiting.guest;
    const id = guest.participantId;
    const who = shownName(guest, texts);
    const item = document.createElement('li');
    item.dataset.participant = id;
    const name = document.createElement('strong');
    name.textContent = who;
    const details = document.createElement('span');
    details.className = 'badge-line';
    details.textContent = `${identityLine(guest, texts)} · ${format(texts, 'minutes', minutesWaited(waiting.waitingSince, Date.now()))}`;
    const actions = document.createElement('div');
    actions.className = 'waiting-actions';
    const admit = button(texts.admit ?? 'admit', `${texts.admit}: ${who}`, 'primary', 'admit', `room-admit-${id}`);
    admit.addEventListener('click', () => signaling.send({ type: 'admit', participantId: id }));
    const messageId = `room-deny-${id}`;
    const label = document.createElement('label');
    label.htmlFor = messageId;
    label.className = 'visually-hidden';
    label.textContent = `${texts.denyMessage}: ${who}`;
    const message = document.createElement('input');
    message.id = messageId;
    const limit = denyMessageLimit(document);
    if (limit) message.maxLength = limit;
    message.placeholder = texts.denyMessage ?? '';
    message.value = drafts.get(id) ?? '';
    message.addEventListener('input', () => drafts.set(id, message.value));
    const deny = button(texts.deny ?? 'deny', `${texts.deny}: ${who}`, 'danger', 'deny', `room-deny-button-${id}`);
    deny.addEventListener('click', () => signaling.send({ type: 'deny', participantId: id, message: message.value || null }));
    actions.append(admit, deny, label, message);
    const targets = moveTargets(waiting, lobby.meetings);
    if (targets.length > 0) {
      const selectId = `room-move-${id}`;
      const moveLabel = document.createElement('label');
      moveLabel.htmlFor = selectId;
      moveLabel.className = 'visually-hidden';
      moveLabel.textContent = `${texts.move}: ${who}`;
      const select = document.createElement('select');
      select.id = selectId;
      targets.forEach((target) => select.append(new Option(target.title, target.id)));
      const move = button(texts.moveSubmit ?? 'move', `${texts.move}: ${who}`, 'secondary', 'move', `room-move-button-${id}`);
      move.addEventListener('click', () => signaling.send({ type: 'move', participantId: id, meetingId: select.value }));
      actions.append(moveLabel, select, move);
    }
    item.append(name, ' ', details, actions);
    return item;
  }

  function button(text: string, label: string, kind: string, action: string, id: string): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = kind;
    element.textContent = text;
    element.id = id;
    element.dataset.action = action;
    element.setAttribute('aria-label', label);
    return element;
  }

  admitAll?.addEventListener('click', () => signaling.send({ type: 'admitAll', meetingId }));
  window.setInterval(render, 30000);
  signaling.start();
}
