// The meeting page (a guest's waiting page or a host's room): everything comes from the signaling socket, each
// message to one function below; the roster and the chat are drawn by room-roster.ts and room-chat.ts.
import { Badge, identityLine, shownName } from './badges';
import type { ClientMessage, Closed, ParticipantState, Reaction, ServerMessage, State } from './protocol';
import { Signaling, socketUrl } from './signaling';
import { errorText, format, readTexts, Texts } from './texts';
import { shouldPublish } from './media';
import { RoomChat } from './room-chat';
import { RoomMedia } from './room-media';
import { rosterItem } from './room-roster';
import { RoomFrame } from './room-ui';
import { roomWaiting } from './room-waiting';

export { CHAT_LINES_KEPT } from './room-chat';

const IN_MEETING: ParticipantState = 'IN_MEETING';

/** The status line a guest sees for their state; hosts see whether they have joined. */
export function statusKey(state: Pick<State, 'host' | 'yourState' | 'meeting'>): string {
  if (state.host) return state.yourState === IN_MEETING ? 'joined' : 'notJoined';
  if (state.yourState === IN_MEETING) return 'inMeeting';
  if (state.yourState === 'ADMITTED') return 'admitted';
  return 'told';
}

/** The page's parts, found once, and what drives them. */
interface Room {
  root: HTMLElement;
  texts: Texts;
  status: HTMLElement | null;
  statusBox: HTMLElement | null;
  panel: HTMLElement | null;
  roster: HTMLElement | null;
  hand: HTMLButtonElement | null;
  hostControls: HTMLElement | null;
  lock: HTMLButtonElement | null;
  chat: RoomChat;
  frame: RoomFrame | null;
  media: RoomMedia;
  send: (message: ClientMessage) => void;
  say: (text: string) => void;
  /** The last state, and the roster as last drawn (an equal one draws nothing). */
  current: State | null;
  rosterDrawn: string | null;
}

/** The meeting page (guest waiting page or host's room): everything comes from the signaling socket. */
export function meetingRoom(root: HTMLElement): void {
  const texts = readTexts(root);
  const panel = root.querySelector<HTMLElement>('[data-in-meeting]');
  const announce = root.querySelector<HTMLElement>('[data-announce]');
  const say = (text: string) => {
    if (announce) announce.textContent = text;
  };
  const send = (message: ClientMessage) => signaling.send(message);
  const leave = () => {
    media.stop();
    send({ type: 'leave' });
  };
  const frame = panel ? new RoomFrame(panel, texts, { leave }) : null;
  const media = new RoomMedia(root, texts, send, say, {
    paged: (page, pages) => frame?.paged(page, pages),
    mutedSpeech: (speaking) => frame?.notice('muted', speaking ? texts.youAreMuted ?? '' : null),
    connectionLost: (lost) => {
      frame?.notice('media', lost ? texts.mediaReconnecting ?? '' : null);
      // the network may have changed under both: the socket proves it is alive, or is replaced at once
      if (lost) signaling.probe();
    },
    pathQuiet: () => signaling.probe(),
  });
  const room: Room = {
    root, texts, panel, frame, media, send, say,
    status: root.querySelector<HTMLElement>('[data-status-text]'),
    statusBox: root.querySelector<HTMLElement>('[data-status]'),
    roster: root.querySelector<HTMLElement>('[data-roster]'),
    hand: root.querySelector<HTMLButtonElement>('[data-hand]'),
    hostControls: root.querySelector<HTMLElement>('[data-host-controls]'),
    lock: root.querySelector<HTMLButtonElement>('[data-lock]'),
    chat: new RoomChat(root.querySelector<HTMLElement>('[data-chat]'), texts),
    current: null,
    rosterDrawn: null,
  };
  hostsWaitingPanel(room);
  const signaling = new Signaling(socketUrl(root.dataset.socket ?? '/ws', window.location), (message) => {
    handle(room, message);
  }, (up, replaced) => connectionChanged(room, up, replaced));
  wireControls(room);
  signaling.start();
  // like window.portvaktMedia: lets the browser tests drop the connection and see the room reconnect
  window.portvaktRoom = { drop: () => signaling.drop() };
}

declare global {
  interface Window {
    /** Read by the browser tests: drops the signaling socket as a network would. */
    portvaktRoom?: { drop: () => void };
  }
}

/** Each server message to what it changes on the page. */
function handle(room: Room, message: ServerMessage): void {
  const { media, texts } = room;
  const failed = () => room.say(texts.mediaFailed ?? '');
  switch (message.type) {
    case 'state':
      stateArrived(room, message, failed);
      break;
    case 'answer':
      media.answer(message.sdp, message.streams, message.joined).catch(failed);
      break;
    case 'renegotiate':
      media.renegotiate(message).catch(failed);
      break;
    case 'mediaMoved':
      media.startOver();
      break;
    case 'speaker':
      media.speakerChanged(message.participantId);
      break;
    case 'chat':
      room.chat.append(message.line, room.current?.roster ?? []);
      room.frame?.chatArrived(message.line.from === room.current?.you);
      break;
    case 'reaction':
      reacted(room, message);
      break;
    case 'muteRequested':
      hostAsked(room, texts.muteRequested ?? '');
      break;
    case 'cameraOff':
      media.cameraOffByHost().catch(failed);
      hostAsked(room, texts.cameraOff ?? '');
      break;
    case 'closed':
      closed(room, message);
      break;
    case 'error':
      if (message.about === 'publish') media.refused().catch(failed);
      room.say(errorText(texts, message.code));
      break;
    case 'lobby':
    case 'arrived':
    case 'pong':
      // the console's messages (room-waiting.ts has its own socket) and the keep-alive's answer
      break;
    default:
      unknownMessage(message);
  }
}

/** Makes a server message the union does not know a compile error in the switch above. */
function unknownMessage(message: never): void {
  void message;
}

function connectionChanged(room: Room, up: boolean, replaced: boolean): void {
  const { texts } = room;
  const failed = () => room.say(texts.mediaFailed ?? '');
  // the media connection outlives the socket: once the state says we are still in, it restarts ICE; over a spare
  // that replaced a socket on a network now gone, the server still holds us in the meeting, so it restarts at once
  if (up && replaced) room.media.socketReplaced().catch(failed);
  else if (up) room.media.signalingBack().catch(failed);
  if (!up && room.status) room.status.textContent = texts.reconnecting ?? '';
  room.frame?.notice('reconnecting', up ? null : texts.reconnectingRoom ?? '');
  room.root.dataset.connection = up ? 'up' : 'down';
}

function stateArrived(room: Room, state: State, failed: () => void): void {
  room.current = state;
  render(room, state);
  if (shouldPublish(state.yourState, room.media.started)) {
    room.media.start(state.iceServers ?? []).catch(failed);
  } else if (state.yourState !== IN_MEETING) {
    room.media.stop();
  } else {
    room.media.resume(state.iceServers ?? []).catch(failed);
  }
}

function reacted(room: Room, message: Reaction): void {
  const { texts } = room;
  const from = room.current?.roster.find((badge) => badge.participantId === message.from);
  const name = from ? shownName(from, texts) : message.name;
  const label = room.root.querySelector<HTMLElement>(`[data-react="${message.reaction}"] [data-label]`)?.textContent ?? message.reaction;
  room.say(format(texts, 'reacted', name, label));
  room.frame?.toast(name, message.reaction, label);
}

/** The host asked this tab to mute or turned its camera off: said, shown, and over the videos for a while. */
function hostAsked(room: Room, text: string): void {
  room.say(text);
  if (room.status) room.status.textContent = text;
  room.frame?.notice('host', text);
  window.setTimeout(() => room.frame?.notice('host', null), 8000);
}

function closed(room: Room, message: Closed): void {
  const { texts, root } = room;
  const words = message.message ? format(texts, 'deniedWith', message.message) : texts[message.reason] ?? message.reason;
  if (room.status) room.status.textContent = words;
  room.statusBox?.setAttribute('data-closed', message.reason);
  root.dataset.closed = message.reason;
  room.media.stop();
  if (room.panel) room.panel.hidden = true;
  room.frame?.enter(false);
  if (room.hostControls) room.hostControls.hidden = true;
}

function render(room: Room, state: State): void {
  const { texts, media } = room;
  room.root.dataset.state = state.yourState ?? 'NONE';
  if (room.status) {
    room.status.textContent = state.meeting.locked && state.host ? `${texts[statusKey(state)]} ${texts.locked}` : texts[statusKey(state)] ?? '';
  }
  const inside = state.yourState === IN_MEETING;
  if (room.panel) room.panel.hidden = !inside;
  room.frame?.enter(inside);
  media.host = state.host;
  renderRoster(room, state);
  room.chat.show(state.chat, state.roster);
  media.roster(state.you, state.roster);
  renderHand(room, state.roster.find((badge) => badge.participantId === state.you));
  if (room.lock) {
    const label = room.lock.querySelector('[data-label]') ?? room.lock;
    label.textContent = state.meeting.locked ? texts.unlock ?? '' : texts.lock ?? '';
    room.lock.setAttribute('aria-pressed', String(state.meeting.locked));
  }
  if (room.hostControls) {
    room.hostControls.querySelector<HTMLButtonElement>('[data-join]')!.hidden = inside;
    room.hostControls.querySelector<HTMLElement>('[data-admitted]')?.replaceChildren(...state.admitted.map((badge) => {
      const item = document.createElement('li');
      item.textContent = `${shownName(badge, texts)} – ${identityLine(badge, texts)}`;
      return item;
    }));
  }
}

/** Draws the roster again only when someone in it or the viewer's role changed. */
function renderRoster(room: Room, state: State): void {
  const key = JSON.stringify([state.host, state.roster]);
  if (!room.roster || key === room.rosterDrawn) return;
  room.rosterDrawn = key;
  const view = { texts: room.texts, host: state.host, speaker: room.media.speaker, command: room.send };
  room.roster.replaceChildren(...state.roster.map((badge) => rosterItem(badge, view)));
}

function renderHand(room: Room, mine: Badge | undefined): void {
  if (!room.hand) return;
  const raised = Boolean(mine?.hand);
  room.hand.setAttribute('aria-pressed', String(raised));
  const label = room.hand.querySelector('[data-label]') ?? room.hand;
  label.textContent = raised ? room.texts.handLower ?? '' : room.texts.handRaise ?? '';
}

/** The host's own waiting list inside the room, over a console socket of its own. */
function hostsWaitingPanel(room: Room): void {
  const { root, frame } = room;
  const waitingPanel = root.querySelector<HTMLElement>('[data-panel=waiting]');
  if (!waitingPanel || !root.dataset.consoleSocket || !root.dataset.meetingId) return;
  roomWaiting(waitingPanel, root.dataset.consoleSocket, root.dataset.meetingId, room.texts, {
    count: (waiting) => frame?.waiting(waiting),
    say: room.say,
    arrived: (text) => {
      room.say(text);
      frame?.notice('arrived', text);
      window.setTimeout(() => frame?.notice('arrived', null), 8000);
    },
  });
}

/** The page's own buttons and forms: chat, hand, reactions, pages, and the host's join, lock and end. */
function wireControls(room: Room): void {
  const { root, send, hand, hostControls, lock, media, texts } = room;
  root.querySelector<HTMLFormElement>('[data-chat-form]')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=text]');
    const text = input?.value.trim();
    if (input && text) {
      send({ type: 'chat', text });
      input.value = '';
    }
  });
  hand?.addEventListener('click', () => send({ type: 'hand', raised: hand.getAttribute('aria-pressed') !== 'true' }));
  root.querySelectorAll<HTMLButtonElement>('[data-react]').forEach((button) => {
    button.addEventListener('click', () => send({ type: 'react', reaction: button.dataset.react ?? '' }));
  });
  root.querySelectorAll<HTMLButtonElement>('[data-page]').forEach((button) => {
    button.addEventListener('click', () => media.turnPage(Number(button.dataset.page)));
  });
  hostControls?.querySelector<HTMLButtonElement>('[data-join]')?.addEventListener('click', () => send({ type: 'join' }));
  lock?.addEventListener('click', () => send({ type: 'lock', locked: !(room.current?.meeting.locked ?? false) }));
  // in the room the host's leave dialog is the question; before joining, the browser asks
  root.querySelector<HTMLButtonElement>('[data-end]')?.addEventListener('click', () => send({ type: 'end' }));
  hostControls?.querySelector<HTMLButtonElement>('[data-end-now]')?.addEventListener('click', () => {
    if (root.dataset.confirmEnd === 'false' || window.confirm(texts.endConfirm ?? '')) send({ type: 'end' });
  });
}

export type { Texts };
