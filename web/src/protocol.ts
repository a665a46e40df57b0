// The signaling protocol (docs/protocol.md) as types: one interface per Java record of ServerMessage and
// ClientMessage, told apart by `type`. ProtocolTypesTest (Java) holds these to the records: every `type`, every
// field. Nothing here is sent or checked at run time except by `parseServerMessage`.

export type Uuid = string;
/** An ISO-8601 instant, as Jackson writes java.time.Instant. */
export type Instant = string;

/** Where a participant is (lobby.ParticipantState). */
export type ParticipantState = 'WAITING' | 'ADMITTED' | 'IN_MEETING' | 'DENIED' | 'REMOVED' | 'LEFT';

/** A participant's badge as the receiver may see it (docs/protocol.md, "Badge"). */
export interface Badge {
  participantId: Uuid;
  name: string;
  host: boolean;
  verifiedName?: string | null;
  method?: string | null;
  level?: string | null;
  pseudonym?: string | null;
  simulated: boolean;
  hand?: number | null;
  /** From the participant's `mediaState`; absent until they have sent one. */
  microphone?: boolean | null;
  camera?: boolean | null;
  /** The SFU has heard nothing from their browser for seconds (their network is gone). */
  connectionLost: boolean;
}

export interface MeetingInfo {
  id: Uuid;
  title: string;
  roomName: string;
  started: boolean;
  locked: boolean;
  ended: boolean;
}

/** One chat line (ChatLog.Line). */
export interface ChatLine {
  from: Uuid;
  name: string;
  text: string;
  at: Instant;
}

export interface IceServer {
  urls: string[];
  username: string;
  credential: string;
}

/** A waiting guest as a host's console lists them. */
export interface Waiting {
  guest: Badge;
  meetingId: Uuid;
  meetingTitle: string;
  roomName: string;
  waitingSince: Instant;
  /** The invited name of the child this guest comes with as guardian. */
  guardianOf?: string | null;
  /** The invited names of this guest's guardians (the guest is a child). */
  guardians?: string[];
}

/** A meeting a waiting guest may be admitted or moved to. */
export interface MeetingChoice {
  id: Uuid;
  title: string;
  roomName: string;
  start: Instant;
  started: boolean;
  locked: boolean;
}

/** What one receive m-section carries after an answer. */
export interface Stream {
  mid: string;
  participantId: Uuid;
  kind: 'audio' | 'video';
  source: string;
}

// ---- from the server

export interface State {
  type: 'state';
  you: Uuid | null;
  yourState: ParticipantState | null;
  host: boolean;
  meeting: MeetingInfo;
  roster: Badge[];
  admitted: Badge[];
  chat: ChatLine[];
  /** The TURN relay with our own credential; only while we are in the meeting (docs/turn.md). */
  iceServers?: IceServer[];
}

export interface LobbyView {
  type: 'lobby';
  waiting: Waiting[];
  meetings: MeetingChoice[];
}

export interface Arrived {
  type: 'arrived';
  guest: Waiting;
}

export interface ChatPosted {
  type: 'chat';
  line: ChatLine;
}

export interface Reaction {
  type: 'reaction';
  from: Uuid;
  name: string;
  reaction: string;
}

export interface MuteRequested {
  type: 'muteRequested';
}

export interface CameraTurnedOff {
  type: 'cameraOff';
}

/** Why the server closed this socket for good: DENIED, REMOVED, ENDED, LEFT and the like. */
export interface Closed {
  type: 'closed';
  reason: string;
  /** The host's words on denial. */
  message?: string | null;
}

export interface ErrorReply {
  type: 'error';
  code: string;
  /** The refused message's `type`, when known. */
  about?: string | null;
}

export interface Pong {
  type: 'pong';
}

export interface Answer {
  type: 'answer';
  sdp: string;
  streams: Stream[];
  /** The SFU took the offer as a new connection: a connection that had an answer before starts over. */
  joined: boolean;
}

export interface Renegotiate {
  type: 'renegotiate';
  audio: number;
  video: number;
}

/** The SFU node carrying the meeting's media died: start a new connection at once (the server places it anew). */
export interface MediaMoved {
  type: 'mediaMoved';
}

export interface Speaker {
  type: 'speaker';
  participantId: Uuid;
}

export type ServerMessage =
  | State
  | LobbyView
  | Arrived
  | ChatPosted
  | Reaction
  | MuteRequested
  | CameraTurnedOff
  | Closed
  | ErrorReply
  | Pong
  | Answer
  | Renegotiate
  | MediaMoved
  | Speaker;

export type ServerMessageType = ServerMessage['type'];

const SERVER_TYPES: ReadonlySet<string> = new Set<ServerMessageType>([
  'state', 'lobby', 'arrived', 'chat', 'reaction', 'muteRequested', 'cameraOff', 'closed', 'error', 'pong', 'answer',
  'renegotiate', 'mediaMoved', 'speaker',
] satisfies ServerMessageType[]);

/**
 * A socket frame as a server message, or null when it is not JSON or not a type this client knows (a newer server
 * may send more): the fields are the server's, as ProtocolTypesTest keeps them.
 */
export function parseServerMessage(data: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && SERVER_TYPES.has(type) ? (value as ServerMessage) : null;
}

// ---- from the browser

export interface Admit {
  type: 'admit';
  participantId: Uuid;
}

export interface AdmitAll {
  type: 'admitAll';
  meetingId: Uuid;
}

export interface Deny {
  type: 'deny';
  participantId: Uuid;
  /** At most the page's `data-deny-max` characters (Lobby.MAX_DENY_MESSAGE). */
  message: string | null;
}

export interface Move {
  type: 'move';
  participantId: Uuid;
  meetingId: Uuid;
}

export interface SendBack {
  type: 'sendBack';
  participantId: Uuid;
}

export interface Remove {
  type: 'remove';
  participantId: Uuid;
}

export interface Join {
  type: 'join';
}

export interface Lock {
  type: 'lock';
  locked: boolean;
}

export interface End {
  type: 'end';
}

export interface Mute {
  type: 'mute';
  participantId: Uuid;
}

export interface CameraOff {
  type: 'cameraOff';
  participantId: Uuid;
}

export interface Chat {
  type: 'chat';
  text: string;
}

export interface Hand {
  type: 'hand';
  raised: boolean;
}

export interface React {
  type: 'react';
  reaction: string;
}

export interface Leave {
  type: 'leave';
}

export interface Ping {
  type: 'ping';
}

export interface Publish {
  type: 'publish';
  sdp: string;
  /** What each of our own sending m-sections is, by mid. */
  sources: Record<string, 'microphone' | 'camera' | 'screen'>;
}

export interface MediaState {
  type: 'mediaState';
  microphone: boolean;
  camera: boolean;
}

/** Receive mid to the simulcast layer wanted there. */
export interface Layers {
  type: 'layers';
  slots: Record<string, 'high' | 'low'>;
}

export type ClientMessage =
  | Admit
  | AdmitAll
  | Deny
  | Move
  | SendBack
  | Remove
  | Join
  | Lock
  | End
  | Mute
  | CameraOff
  | Chat
  | Hand
  | React
  | Leave
  | Ping
  | Publish
  | MediaState
  | Layers;

/** The host's commands about one participant in the room's roster. */
export type ParticipantCommand = SendBack | Mute | CameraOff | Remove;

/** The most characters a deny's words may have, as the page says (data-deny-max on its texts template). */
export function denyMessageLimit(root: ParentNode): number | undefined {
  const limit = Number(root.querySelector<HTMLElement>('template[data-texts]')?.dataset.denyMax);
  return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}
