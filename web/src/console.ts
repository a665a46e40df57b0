import { Badge, identityLine, minutesWaited, shownName } from './badges';
import { Signaling, ServerMessage, socketUrl } from './signaling';
import { errorText, format, readTexts } from './texts';

interface Waiting {
  guest: Badge;
  meetingId: string;
  meetingTitle: string;
  roomName: string;
  waitingSince: string;
  /** The invited name of the child this guest comes with as guardian. */
  guardianOf?: string | null;
  /** The invited names of this guest's guardians (the guest is a child). */
  guardians?: string[];
}

/** "Guardian of Lisa" or "Child, with guardian Anna": who comes with whom, as the booking said; else null. */
export function familyLine(waiting: Pick<Waiting, 'guardianOf' | 'guardians'>, texts: Record<string, string>): string | null {
  if (waiting.guardianOf) return format(texts, 'guardianOf', waiting.guardianOf);
  if (waiting.guardians && waiting.guardians.length > 0) return format(texts, 'guardedBy', waiting.guardians.join(', '));
  return null;
}

interface MeetingChoice {
  id: string;
  title: string;
  roomName: string;
  start: string;
  started: boolean;
  locked: boolean;
}

/** Meetings a waiting guest may be moved to: the others of the same room. */
export function moveTargets(waiting: Pick<Waiting, 'meetingId' | 'roomName'>, meetings: MeetingChoice[]): MeetingChoice[] {
  return meetings.filter((meeting) => meeting.roomName === waiting.roomName && meeting.id !== waiting.meetingId);
}

/** A short two-tone chime through WebAudio: no sound file to fetch, nothing from elsewhere. */
export function chime(): void {
  const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
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

/** The host's console: the organisation's waiting room, live. */
export function hostConsole(root: HTMLElement): void {
  const texts = readTexts(root);
  const list = root.querySelector<HTMLElement>('[data-waiting]')!;
  const live = root.querySelector<HTMLElement>('[data-live]');
  const empty = root.querySelector<HTMLElement>('[data-empty]');
  const admitAll = root.querySelector<HTMLElement>('[data-admit-all]');
  let lastView: { waiting: Waiting[]; meetings: MeetingChoice[] } = { waiting: [], meetings: [] };
  // what the host is typing survives the list being redrawn
  const drafts = new Map<string, string>();

  const signaling = new Signaling(socketUrl(root.dataset.socket ?? '/ws?console', window.location), (message) => handle(message), () => {});

  root.querySelector<HTMLButtonElement>('[data-notifications]')?.addEventListener('click', () => {
    if ('Notification' in window) void Notification.requestPermission();
  });

  function handle(message: ServerMessage): void {
    if (message.type === 'lobby') {
      lastView = message as unknown as typeof lastView;
      render();
    } else if (message.type === 'arrived') {
      const guest = (message as unknown as { guest: Waiting }).guest;
      const text = format(texts, 'arrived', shownName(guest.guest, texts));
      chime();
      if ('Notification' in window && Notification.permission === 'granted') {
        new Notification('Portvakt', { body: text, tag: guest.guest.participantId });
      }
      if (live) live.textContent = text;
    } else if (message.type === 'error' && live) {
      live.textContent = errorText(texts, String(message.code));
    }
  }

  function render(): void {
    const now = Date.now();
    const focused = document.activeElement?.id;
    if (empty) empty.hidden = lastView.waiting.length > 0;
    list.replaceChildren(...lastView.waiting.map((waiting) => row(waiting, now)));
    if (admitAll) {
      const meetings = [...new Map(lastView.waiting.map((waiting) => [waiting.meetingId, waiting.meetingTitle])).entries()];
      admitAll.replaceChildren(...meetings.map(([id, title]) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary';
        button.dataset.admitAll = id;
        button.textContent = format(texts, 'admitAll', title);
        button.addEventListener('click', () => signaling.send({ type: 'admitAll', meetingId: id }));
        return button;
      }));
    }
    if (focused) document.getElementById(focused)?.focus();
  }

  function row(waiting: Waiting, now: number): HTMLElement {
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
    const admit = button(texts.admit ?? 'admit', `${texts.admit}: ${who}`, 'primary');
    admit.dataset.action = 'admit';
    admit.id = `admit-${guest.participantId}`;
    admit.addEventListener('click', () => signaling.send({ type: 'admit', participantId: guest.participantId }));
    const messageId = `deny-${guest.participantId}`;
    const label = document.createElement('label');
    label.htmlFor = messageId;
    label.textContent = texts.denyMessage ?? '';
    label.className = 'visually-hidden';
    const message = document.createElement('input');
    message.id = messageId;
    message.maxLength = 500;
    message.placeholder = texts.denyMessage ?? '';
    message.value = drafts.get(guest.participantId) ?? '';
    message.addEventListener('input', () => drafts.set(guest.participantId, message.value));
    const deny = button(texts.deny ?? 'deny', `${texts.deny}: ${who}`, 'danger');
    deny.dataset.action = 'deny';
    deny.id = `deny-button-${guest.participantId}`;
    deny.addEventListener('click', () => signaling.send({ type: 'deny', participantId: guest.participantId, message: message.value || null }));
    actions.append(admit, ' ', label, message, ' ', deny);
    const targets = moveTargets(waiting, lastView.meetings);
    if (targets.length > 0) {
      const selectId = `move-${guest.participantId}`;
      const moveLabel = document.createElement('label');
      moveLabel.htmlFor = selectId;
      moveLabel.className = 'visually-hidden';
      moveLabel.textContent = `${texts.move}: ${who}`;
      const select = document.createElement('select');
      select.id = selectId;
      targets.forEach((target) => select.append(new Option(target.title, target.id)));
      const move = button(texts.moveSubmit ?? 'move', `${texts.move}: ${who}`, 'secondary');
      move.dataset.action = 'move';
      move.id = `move-button-${guest.participantId}`;
      move.addEventListener('click', () => signaling.send({ type: 'move', participantId: guest.participantId, meetingId: select.value }));
      actions.append(' ', moveLabel, select, move);
    }
    tr.append(actions);
    return tr;
  }

  function button(text: string, label: string, kind: string): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = kind;
    element.textContent = text;
    element.setAttribute('aria-label', label);
    return element;
  }

  window.setInterval(render, 30000);
  signaling.start();
}
