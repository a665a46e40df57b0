// The host's console: the organisation's waiting room, live over a console socket (docs/protocol.md, "lobby").
import { identityLine, minutesWaited, shownName } from './badges';
import { ClientMessage, denyMessageLimit, LobbyView, MeetingChoice, ServerMessage, Waiting } from './protocol';
import { Signaling, socketUrl } from './signaling';
import { errorText, format, readTexts, type Texts } from './texts';

/** "Guardian of Lisa" or "Child, with guardian Anna": who comes with whom, as the booking said; else null. */
export function familyLine(waiting: Pick<Waiting, 'guardianOf' | 'guardians'>, texts: Record<string, string>): string | null {
  if (waiting.guardianOf) return format(texts, 'guardianOf', waiting.guardianOf);
  if (waiting.guardians && waiting.guardians.length > 0) return format(texts, 'guardedBy', waiting.guardians.join(', '));
  return null;
}

/** Meetings a waiting guest may be moved to: the others of the same room. */
export function moveTargets(waiting: Pick<Waiting, 'meetingId' | 'roomName'>, meetings: MeetingChoice[]): MeetingChoice[] {
  return meetings.filter((meeting) => meeting.roomName === waiting.roomName && meeting.id !== waiting.meetingId);
}

declare global {
  interface Window {
    /** Safari before 14.1. */
    webkitAudioContext?: typeof AudioContext;
  }
}

/** A short two-tone chime through WebAudio: no sound file to fetch, nothing from elsewhere. */
export function chime(): void {
  const AudioContextClass = window.AudioContext ?? window.webkitAudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
    [660, 880].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + index * 0.18);
      tone.stop(audio.currentTime + index * 0.18 + 0.16);
    });
  } catch {
    // no audio (autoplay rules): the notification and the live region still tell
  }
}

/** The console page's parts, found once, and the view last drawn. */
interface Console {
  texts: Texts;
  list: HTMLElement;
  live: HTMLElement | null;
  empty: HTMLElement | null;
  admitAll: HTMLElement | null;
  denyLimit: number | undefined;
  send: (message: ClientMessage) => void;
  view: Omit<LobbyView, 'type'>;
  /** What the host is typing survives the list being redrawn. */
  drafts: Map<string, string>;
}

/** The host's console: the organisation's waiting room, live. */
export function hostConsole(root: HTMLElement): void {
  const signaling = new Signaling(socketUrl(root.dataset.socket ?? '/ws?console', window.location), (message) => handle(page, message), () => {});
  const page: Console = {
    texts: readTexts(root),
    list: root.querySelector<HTMLElement>('[data-waiting]')!,
    live: root.querySelector<HTMLElement>('[data-live]'),
    empty: root.querySelector<HTMLElement>('[data-empty]'),
    admitAll: root.querySelector<HTMLElement>('[data-admit-all]'),
    denyLimit: denyMessageLimit(root),
    send: (message) => signaling.send(message),
    view: { waiting: [], meetings: [] },
    drafts: new Map(),
  };
  root.querySelector<HTMLButtonElement>('[data-notifications]')?.addEventListener('click', () => {
    if ('Notification' in window) void Notification.requestPermission();
  });
  // the minutes waited move on even when no message comes
  window.setInterval(() => render(page), 30000);
  signaling.start();
}

function handle(page: Console, message: ServerMessage): void {
  if (message.type === 'lobby') {
    page.view = { waiting: message.waiting, meetings: message.meetings };
    render(page);
  } else if (message.type === 'arrived') {
    arrived(page, message.guest);
  } else if (message.type === 'error' && page.live) {
    page.live.textContent = errorText(page.texts, message.code);
  }
}

/** Someone came: a chime, a notification when the host allowed them, and the live region. */
function arrived(page: Console, waiting: Waiting): void {
  const text = format(page.texts, 'arrived', shownName(waiting.guest, page.texts));
  chime();
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification('Portvakt', { body: text, tag: waiting.guest.participantId });
  }
  if (page.live) page.live.textContent = text;
}

function render(page: Console): void {
  const now = Date.now();
  const focused = document.activeElement?.id;
  if (page.empty) page.empty.hidden = page.view.waiting.length > 0;
  page.list.replaceChildren(...page.view.waiting.map((waiting) => row(page, waiting, now)));
  if (page.admitAll) page.admitAll.replaceChildren(...admitAllButtons(page));
  if (focused) document.getElementById(focused)?.focus();
}

/** One "admit everyone to ..." button per meeting someone waits for. */
function admitAllButtons(page: Console): HTMLButtonElement[] {
  const meetings = [...new Map(page.view.waiting.map((waiting) => [waiting.meetingId, waiting.meetingTitle])).entries()];
  return meetings.map(([id, title]) => {
    const admitAll = button(format(page.texts, 'admitAll', title), null, 'secondary');
    admitAll.dataset.admitAll = id;
    admitAll.addEventListener('click', () => page.send({ type: 'admitAll', meetingId: id }));
    return admitAll;
  });
}

function row(page: Console, waiting: Waiting, now: number): HTMLElement {
  const { texts } = page;
  const guest = waiting.guest;
  const who = shownName(guest, texts);
  const tr = document.createElement('tr');
  tr.dataset.participant = guest.participantId;
  const family = familyLine(waiting, texts);
  const cells = [family ? `${who} (${family})` : who, `${waiting.meetingTitle} (${waiting.roomName})`,
    identityLine(guest, texts),
    format(texts, 'minutes', minutesWaited(waiting.waitingSince, now))];
  cells.forEach((text, index) => {
    const cell = document.createElement(index === 0 ? 'th' : 'td');
    if (index === 0) cell.setAttribute('scope', 'row');
    cell.textContent = text;
    tr.append(cell);
  });
  const actions = document.createElement('td');
  actions.append(...admitAndDeny(page, guest.participantId, who));
  const targets = moveTargets(waiting, page.view.meetings);
  if (targets.length > 0) actions.append(' ', ...move(page, guest.participantId, who, targets));
  tr.append(actions);
  return tr;
}

function admitAndDeny(page: Console, participantId: string, who: string): Array<HTMLElement | string> {
  const { texts } = page;
  const admit = button(texts.admit ?? 'admit', `${texts.admit}: ${who}`, 'primary');
  admit.dataset.action = 'admit';
  admit.id = `admit-${participantId}`;
  admit.addEventListener('click', () => page.send({ type: 'admit', participantId }));
  const messageId = `deny-${participantId}`;
  const label = document.createElement('label');
  label.htmlFor = messageId;
  label.textContent = texts.denyMessage ?? '';
  label.className = 'visually-hidden';
  const message = document.createElement('input');
  message.id = messageId;
  if (page.denyLimit) message.maxLength = page.denyLimit;
  message.placeholder = texts.denyMessage ?? '';
  message.value = page.drafts.get(participantId) ?? '';
  message.addEventListener('input', () => page.drafts.set(participantId, message.value));
  const deny = button(texts.deny ?? 'deny', `${texts.deny}: ${who}`, 'danger');
  deny.dataset.action = 'deny';
  deny.id = `deny-button-${participantId}`;
  deny.addEventListener('click', () => page.send({ type: 'deny', participantId, message: message.value || null }));
  return [admit, ' ', label, message, ' ', deny];
}

function move(page: Console, participantId: string, who: string, targets: MeetingChoice[]): HTMLElement[] {
  const { texts } = page;
  const selectId = `move-${participantId}`;
  const moveLabel = document.createElement('label');
  moveLabel.htmlFor = selectId;
  moveLabel.className = 'visually-hidden';
  moveLabel.textContent = `${texts.move}: ${who}`;
  const select = document.createElement('select');
  select.id = selectId;
  targets.forEach((target) => select.append(new Option(target.title, target.id)));
  const submit = button(texts.moveSubmit ?? 'move', `${texts.move}: ${who}`, 'secondary');
  submit.dataset.action = 'move';
  submit.id = `move-button-${participantId}`;
  submit.addEventListener('click', () => page.send({ type: 'move', participantId, meetingId: select.value }));
  return [moveLabel, select, submit];
}

function button(text: string, label: string | null, kind: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = kind;
  element.textContent = text;
  if (label !== null) element.setAttribute('aria-label', label);
  return element;
}
