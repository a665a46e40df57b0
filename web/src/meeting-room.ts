import { Badge, identityLine, shownName } from './badges';
import { Signaling, ServerMessage, socketUrl } from './signaling';
import { errorText, format, readTexts, Texts } from './texts';
import { icon } from './icons';
import { shouldPublish } from './media';
import { RoomMedia } from './room-media';
import { RoomFrame } from './room-ui';
import { roomWaiting } from './room-waiting';

/** Chat lines a tab keeps on screen, as many as the server keeps for a late joiner (ChatLog.KEPT_LINES). */
export const CHAT_LINES_KEPT = 200;

interface ChatLine {
  from: string;
  name: string;
  text: string;
  at: string;
}

interface State {
  you: string | null;
  yourState: string | null;
  host: boolean;
  meeting: { id: string; title: string; started: boolean; locked: boolean; ended: boolean };
  roster: Badge[];
  admitted: Badge[];
  chat: ChatLine[];
  /** The TURN relay with our own credential; only while we are in the meeting (docs/turn.md). */
  iceServers?: RTCIceServer[];
}

/** The status line a guest sees for their state; hosts see whether they have joined. */
export function statusKey(state: Pick<State, 'host' | 'yourState' | 'meeting'>): string {
  if (state.host) return state.yourState === 'IN_MEETING' ? 'joined' : 'notJoined';
  if (state.yourState === 'IN_MEETING') return 'inMeeting';
  if (state.yourState === 'ADMITTED') return 'admitted';
  return 'told';
}

/** The meeting page (guest waiting page or host's room): everything comes from the signaling socket. */
export function meetingRoom(root: HTMLElement): void {
  const texts = readTexts(root);
  const status = root.querySelector<HTMLElement>('[data-status-text]');
  const statusBox = root.querySelector<HTMLElement>('[data-status]');
  const panel = root.querySelector<HTMLElement>('[data-in-meeting]');
  const roster = root.querySelector<HTMLElement>('[data-roster]');
  const chat = root.querySelector<HTMLElement>('[data-chat]');
  const announce = root.querySelector<HTMLElement>('[data-announce]');
  const hand = root.querySelector<HTMLButtonElement>('[data-hand]');
  const hostControls = root.querySelector<HTMLElement>('[data-host-controls]');
  const lock = root.querySelector<HTMLButtonElement>('[data-lock]');
  let current: State | null = null;

  const say = (text: string) => {
    if (announce) announce.textContent = text;
  };
  const leave = () => {
    media.stop();
    signaling.send({ type: 'leave' });
  };
  const frame = panel ? new RoomFrame(panel, texts, { leave }) : null;
  const media = new RoomMedia(root, texts, (message) => signaling.send(message), say, {
    paged: (page, pages) => frame?.paged(page, pages),
    mutedSpeech: (speaking) => frame?.notice('muted', speaking ? texts.youAreMuted ?? '' : null),
    connectionLost: (lost) => frame?.notice('media', lost ? texts.mediaReconnecting ?? '' : null),
  });
  const waitingPanel = root.querySelector<HTMLElement>('[data-panel=waiting]');
  if (waitingPanel && root.dataset.consoleSocket && root.dataset.meetingId) {
    roomWaiting(waitingPanel, root.dataset.consoleSocket, root.dataset.meetingId, texts, {
      count: (waiting) => frame?.waiting(waiting),
      say,
      arrived: (text) => {
        say(text);
        frame?.notice('arrived', text);
        window.setTimeout(() => frame?.notice('arrived', null), 8000);
      },
    });
  }
  const failed = () => say(texts.mediaFailed ?? '');
  const signaling = new Signaling(socketUrl(root.dataset.socket ?? '/ws', window.location), (message) => {
    handle(message);
  }, (up) => {
    // the media connection outlives the socket: once the state says we are still in, it restarts ICE
    if (up) media.signalingBack().catch(failed);
    if (!up && status) status.textContent = texts.reconnecting ?? '';
    frame?.notice('reconnecting', up ? null : texts.reconnectingRoom ?? '');
    root.dataset.connection = up ? 'up' : 'down';
  });

  function handle(message: ServerMessage): void {
    switch (message.type) {
      case 'state':
        current = message as unknown as State;
        render(current);
        if (shouldPublish(current.yourState, media.started)) {
          media.start(current.iceServers ?? []).catch(failed);
        } else if (current.yourState !== 'IN_MEETING') {
          media.stop();
        } else {
          media.resume(current.iceServers ?? []).catch(failed);
        }
        break;
      case 'answer':
        media.answer(String(message.sdp), message.streams, message.joined === true).catch(failed);
        break;
      case 'renegotiate':
        media.renegotiate(message).catch(failed);
        break;
      case 'speaker':
        media.speakerChanged(String(message.participantId));
        break;
      case 'chat': {
        const line = (message as unknown as { line: ChatLine }).line;
        appendChat(line);
        frame?.chatArrived(line.from === current?.you);
        break;
      }
      case 'reaction': {
        const from = current?.roster.find((badge) => badge.participantId === message.from);
        const name = from ? shownName(from, texts) : String(message.name ?? '');
        const label = root.querySelector<HTMLElement>(`[data-react="${String(message.reaction)}"] [data-label]`)?.textContent ?? String(message.reaction);
        say(format(texts, 'reacted', name, label));
        frame?.toast(name, String(message.reaction), label);
        break;
      }
      case 'muteRequested':
        say(texts.muteRequested ?? '');
        if (status) status.textContent = texts.muteRequested ?? '';
        frame?.notice('host', texts.muteRequested ?? '');
        window.setTimeout(() => frame?.notice('host', null), 8000);
        break;
      case 'cameraOff':
        media.cameraOffByHost().catch(failed);
        say(texts.cameraOff ?? '');
        if (status) status.textContent = texts.cameraOff ?? '';
        frame?.notice('host', texts.cameraOff ?? '');
        window.setTimeout(() => frame?.notice('host', null), 8000);
        break;
      case 'closed': {
        const reason = String(message.reason);
        const words = message.message ? format(texts, 'deniedWith', String(message.message)) : texts[reason] ?? reason;
        if (status) status.textContent = words;
        statusBox?.setAttribute('data-closed', reason);
        root.dataset.closed = reason;
        media.stop();
        if (panel) panel.hidden = true;
        frame?.enter(false);
        if (hostControls) hostControls.hidden = true;
        break;
      }
      case 'error':
        if (message.about === 'publish') media.refused().catch(failed);
        say(errorText(texts, String(message.code)));
        break;
      default:
        break;
    }
  }

  function render(state: State): void {
    root.dataset.state = state.yourState ?? 'NONE';
    if (status) status.textContent = state.meeting.locked && state.host ? `${texts[statusKey(state)]} ${texts.locked}` : texts[statusKey(state)] ?? '';
    const inside = state.yourState === 'IN_MEETING';
    if (panel) panel.hidden = !inside;
    frame?.enter(inside);
    media.host = state.host;
    if (roster) {
      roster.replaceChildren(...state.roster.map((badge) => rosterItem(badge, state)));
    }
    if (chat) {
      chat.replaceChildren();
      state.chat.forEach(appendChat);
    }
    media.roster(state.you, state.roster);
    const mine = state.roster.find((badge) => badge.participantId === state.you);
    if (hand) {
      const raised = Boolean(mine?.hand);
      hand.setAttribute('aria-pressed', String(raised));
      const label = hand.querySelector('[data-label]') ?? hand;
      label.textContent = raised ? texts.handLower ?? '' : texts.handRaise ?? '';
    }
    if (lock) {
      const label = lock.querySelector('[data-label]') ?? lock;
      label.textContent = state.meeting.locked ? texts.unlock ?? '' : texts.lock ?? '';
      lock.setAttribute('aria-pressed', String(state.meeting.locked));
    }
    if (hostControls) {
      hostControls.querySelector<HTMLButtonElement>('[data-join]')!.hidden = inside;
      const admitted = hostControls.querySelector<HTMLElement>('[data-admitted]');
      admitted?.replaceChildren(...state.admitted.map((badge) => {
        const item = document.createElement('li');
        item.textContent = `${shownName(badge, texts)} – ${identityLine(badge, texts)}`;
        return item;
      }));
    }
  }

  function rosterItem(badge: Badge, state: State): HTMLElement {
    const item = document.createElement('li');
    item.dataset.participant = badge.participantId;
    item.toggleAttribute('data-speaker', badge.participantId === media.speaker);
    const name = document.createElement('strong');
    name.textContent = shownName(badge, texts);
    const identity = document.createElement('span');
    identity.className = 'badge-line';
    identity.textContent = identityLine(badge, texts);
    item.append(name, ' ', identity);
    if (badge.microphone === false) {
      const muted = document.createElement('span');
      muted.className = 'mark muted-mark';
      muted.setAttribute('role', 'img');
      muted.setAttribute('aria-label', texts.microphoneOff ?? '');
      muted.append(icon('mic-off'));
      item.append(' ', muted);
    }
    if (badge.hand) {
      const raised = document.createElement('span');
      raised.className = 'hand';
      raised.append(icon('hand'), format(texts, 'hand', badge.hand));
      item.append(' ', raised);
    }
    if (state.host && !badge.host) {
      const who = shownName(badge, texts);
      const actions: Array<[string, string]> = [['sendBack', 'sendBack'], ['mute', 'mute'], ['cameraOff', 'cameraOffAction'], ['remove', 'remove']];
      for (const [type, key] of actions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = type === 'remove' ? 'link danger' : 'link';
        button.dataset.action = type;
        button.textContent = texts[key] ?? type;
        button.setAttribute('aria-label', `${texts[key] ?? type}: ${who}`);
        button.addEventListener('click', () => signaling.send({ type, participantId: badge.participantId }));
        item.append(' ', button);
      }
    }
    return item;
  }

  function appendChat(line: ChatLine): void {
    if (!chat) return;
    const item = document.createElement('li');
    const from = current?.roster.find((badge) => badge.participantId === line.from);
    const who = document.createElement('strong');
    who.textContent = from ? shownName(from, texts) : line.name;
    item.append(who, ': ', line.text);
    chat.append(item);
    // as many lines as the server keeps for a late joiner: a long meeting (or a flood) never grows the page without end
    while (chat.childElementCount > CHAT_LINES_KEPT) chat.firstElementChild?.remove();
  }

  root.querySelector<HTMLFormElement>('[data-chat-form]')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=text]');
    const text = input?.value.trim();
    if (input && text) {
      signaling.send({ type: 'chat', text });
      input.value = '';
    }
  });
  hand?.addEventListener('click', () => signaling.send({ type: 'hand', raised: hand.getAttribute('aria-pressed') !== 'true' }));
  root.querySelectorAll<HTMLButtonElement>('[data-react]').forEach((button) => {
    button.addEventListener('click', () => signaling.send({ type: 'react', reaction: button.dataset.react }));
  });
  root.querySelectorAll<HTMLButtonElement>('[data-page]').forEach((button) => {
    button.addEventListener('click', () => media.turnPage(Number(button.dataset.page)));
  });
  hostControls?.querySelector<HTMLButtonElement>('[data-join]')?.addEventListener('click', () => signaling.send({ type: 'join' }));
  lock?.addEventListener('click', () => {
    signaling.send({ type: 'lock', locked: !(current?.meeting.locked ?? false) });
  });
  // in the room the host's leave dialog is the question; before joining, the browser asks
  root.querySelector<HTMLButtonElement>('[data-end]')?.addEventListener('click', () => signaling.send({ type: 'end' }));
  hostControls?.querySelector<HTMLButtonElement>('[data-end-now]')?.addEventListener('click', () => {
    if (root.dataset.confirmEnd === 'false' || window.confirm(texts.endConfirm ?? '')) signaling.send({ type: 'end' });
  });
  signaling.start();
  // like window.portvaktMedia: lets the browser tests drop the connection and see the room reconnect
  (window as unknown as { portvaktRoom?: { drop: () => void } }).portvaktRoom = { drop: () => signaling.drop() };
}

export type { Texts };
