// The tab's one RTCPeerConnection to Portvakt's SFU (docs/protocol.md, "Media"). The browser always offers and
// the SFU only answers, so every change (own tracks, receive slots, low bandwidth) goes through `negotiate`,
// which never lets two offers be outstanding at once.
import type { ClientMessage, Publish } from './protocol';

export type Source = 'microphone' | 'camera' | 'screen';
export type Kind = 'audio' | 'video';

/** What one receive transceiver carries after an answer (the answer's `streams`). */
export interface StreamInfo {
  mid: string;
  participantId: string;
  kind: Kind;
  source: string;
}

/** Whether the tab should connect its media: it is in the meeting and has not connected yet. */
export function shouldPublish(yourState: string | null, started: boolean): boolean {
  return yourState === 'IN_MEETING' && !started;
}

export function kindOf(source: Source): Kind {
  return source === 'microphone' ? 'audio' : 'video';
}

/** The mids of our own sending transceivers by source; a transceiver not yet negotiated has no mid and is left out. */
export function sourcesByMid(own: Array<[Source, string | null]>): Record<string, Source> {
  const sources: Record<string, Source> = {};
  for (const [source, mid] of own) if (mid !== null) sources[mid] = source;
  return sources;
}

/**
 * How a source is encoded: the camera as simulcast, low to high (the SFU forwards the layer each viewer's tile
 * needs, in the order a=simulcast lists them); the microphone and the screen as one encoding. Two layers, since
 * Chrome sends at most two for a 640x480 camera.
 */
export function sendEncodings(source: Source): RTCRtpEncodingParameters[] | undefined {
  if (source !== 'camera') return undefined;
  return [
    { rid: 'q', scaleResolutionDownBy: 2, maxBitrate: 100_000 },
    { rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
  ];
}

/** The signaling message carrying an offer. */
export function publishMessage(sdp: string | undefined, sources: Record<string, Source>): Publish {
  if (!sdp || !sdp.startsWith('v=0')) throw new Error('no local description to publish');
  return { type: 'publish', sdp, sources };
}

/** How many receive transceivers of each kind to add so the tab has at least as many as the SFU has streams. */
export function receiversToAdd(have: Record<Kind, number>, wanted: Partial<Record<Kind, number>>): Record<Kind, number> {
  const missing = (kind: Kind) => Math.max(0, Math.floor(Number(wanted[kind] ?? 0)) - have[kind]);
  return { audio: missing('audio'), video: missing('video') };
}

/** A receive transceiver's direction: in low-bandwidth mode no video is received, audio always is. */
export function receiveDirection(kind: Kind, lowBandwidth: boolean): RTCRtpTransceiverDirection {
  return kind === 'video' && lowBandwidth ? 'inactive' : 'recvonly';
}

// The SFU routes Opus and VP8 (with VP8's retransmissions); offering nothing else keeps each m-section small
const ROUTED_CODECS: Record<Kind, string[]> = { audio: ['audio/opus'], video: ['video/vp8', 'video/rtx'] };

/** The browser's codecs of a kind that the SFU can route, in the browser's order of preference. */
export function routedCodecs(kind: Kind, available: RTCRtpCodec[]): RTCRtpCodec[] {
  return available.filter((codec) => ROUTED_CODECS[kind].includes(codec.mimeType.toLowerCase()));
}

/** Keeps only well-formed entries of an answer's `streams`. */
export function parseStreams(value: unknown): StreamInfo[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is StreamInfo => typeof entry === 'object' && entry !== null
    && typeof entry.mid === 'string' && typeof entry.participantId === 'string'
    && (entry.kind === 'audio' || entry.kind === 'video') && typeof entry.source === 'string');
}

/**
 * How long the connection's path has carried nothing, not even ICE's consent answers (a stats report's selected
 * candidate pair), in milliseconds; null when the report does not say. Chromium can take over a minute to call a
 * silent path "disconnected" when other candidate pairs (ICE-TCP) still look usable, so the room asks itself.
 */
export function pathSilentMs(pair: { timestamp?: number; lastPacketReceivedTimestamp?: number } | undefined): number | null {
  if (!pair || typeof pair.timestamp !== 'number' || typeof pair.lastPacketReceivedTimestamp !== 'number') return null;
  return Math.max(0, pair.timestamp - pair.lastPacketReceivedTimestamp);
}

function connectionConfig(iceServers: RTCIceServer[]): RTCConfiguration {
  return { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers };
}

declare global {
  interface Window {
    /** Read by the browser tests: the connection and the last answer's streams. */
    portvaktMedia?: { pc: RTCPeerConnection; streams: StreamInfo[]; you: string | null; iceRestarts?: number };
  }
}

export interface SessionEvents {
  send(message: ClientMessage): void;
  /** After every applied answer: what each receive transceiver carries now. */
  answered(streams: StreamInfo[], first: boolean): void;
  /** A receive transceiver was added; its track exists from now on, carrying whatever a later answer says. */
  receiverAdded(transceiver: RTCRtpTransceiver, kind: Kind): void;
  /** The connection's state changed (connected, disconnected, failed...): drives "reconnecting" and ICE restarts. */
  connection?(state: RTCPeerConnectionState): void;
  /** The SFU no longer knows this connection (it restarted, or the meeting moved): only a new one can connect. */
  startOver?(): void;
}

/**
 * Whether an answer means the connection must start over: the SFU joined it anew although it had answered it
 * before, so the DTLS association this browser holds is unknown there and no media would ever flow.
 */
export function mustStartOver(joined: boolean, answersBefore: number): boolean {
  return joined && answersBefore > 0;
}

export class MediaSession {
  readonly pc: RTCPeerConnection;
  private readonly own = new Map<Source, RTCRtpTransceiver>();
  private readonly receivers: Array<{ transceiver: RTCRtpTransceiver; kind: Kind }> = [];
  // invariant: `offering` is true from createOffer until the answer is applied (or refused); a change made
  // meanwhile sets `again`, and one more offer follows the answer
  private offering = false;
  private again = false;
  private answers = 0;
  private lowBandwidth = false;
  private closed = false;
  private restarts = 0;
  private restartedAt = -Infinity;

  /** @param iceServers the TURN relay with this participant's own credential, from the state; none without TURN */
  constructor(private readonly events: SessionEvents, private readonly you: string | null,
    iceServers: RTCIceServer[] = []) {
    this.pc = new RTCPeerConnection(connectionConfig(iceServers));
    this.pc.addEventListener('connectionstatechange', () => {
      if (!this.closed) this.events.connection?.(this.pc.connectionState);
    });
    window.portvaktMedia = { pc: this.pc, streams: [], you };
  }

  /**
   * An ICE restart (RFC 8445 section 9): the same connection looks for a new path, with fresh relay credentials
   * when the state brought some. Streams, receive slots and the DTLS keys stay; the SFU keeps our place.
   */
  async restartIce(iceServers: RTCIceServer[] = []): Promise<void> {
    if (this.closed) return;
    if (iceServers.length > 0) this.pc.setConfiguration(connectionConfig(iceServers));
    this.pc.restartIce();
    this.restarts += 1;
    this.restartedAt = Date.now();
    if (window.portvaktMedia?.pc === this.pc) window.portvaktMedia.iceRestarts = this.restarts;
    await this.negotiate();
  }

  /** Whether an ICE restart began less than `ms` ago: its checks may still be finding the new path. */
  restartedWithin(ms: number): boolean {
    return Date.now() - this.restartedAt < ms;
  }

  /** How many ICE restarts this connection made (read by the browser tests through window.portvaktMedia). */
  get iceRestarts(): number {
    return this.restarts;
  }

  get negotiating(): boolean {
    return this.offering;
  }

  /** Adds the source's sending transceiver before the first offer (no negotiation of its own). */
  prepare(source: Source, track: MediaStreamTrack | null): void {
    if (this.closed) return;
    if (!this.own.has(source)) {
      this.own.set(source, this.add(track ?? kindOf(source), kindOf(source), 'sendonly', sendEncodings(source)));
    }
  }

  /** Puts a track on the source's sending transceiver; a new or reopened transceiver needs a new offer. */
  async send(source: Source, track: MediaStreamTrack | null): Promise<void> {
    if (this.closed) return;
    const transceiver = this.own.get(source);
    if (!transceiver) {
      this.prepare(source, track);
      await this.negotiate();
      return;
    }
    // a source stopped earlier was made inactive: sending again means offering sendonly once more
    const reopened = transceiver.direction !== 'sendonly';
    if (reopened) transceiver.direction = 'sendonly';
    await transceiver.sender.replaceTrack(track);
    if (reopened) await this.negotiate();
  }

  /** Stops sending a source but keeps its transceiver, so starting again reuses the same mid. */
  async stopSending(source: Source): Promise<void> {
    if (this.closed) return;
    const transceiver = this.own.get(source);
    if (!transceiver || transceiver.direction === 'inactive') return;
    transceiver.direction = 'inactive';
    await transceiver.sender.replaceTrack(null);
    await this.negotiate();
  }

  /** The SFU's `renegotiate`: enough receive slots for its streams, then a new offer. */
  async receive(wanted: Partial<Record<Kind, number>>): Promise<void> {
    if (this.closed) return;
    const have = { audio: 0, video: 0 };
    for (const receiver of this.receivers) have[receiver.kind] += 1;
    const add = receiversToAdd(have, wanted);
    for (const kind of ['audio', 'video'] as const) {
      for (let i = 0; i < add[kind]; i++) {
        const transceiver = this.add(kind, kind, receiveDirection(kind, this.lowBandwidth));
        this.receivers.push({ transceiver, kind });
        this.events.receiverAdded(transceiver, kind);
      }
    }
    await this.negotiate();
  }

  async setLowBandwidth(on: boolean): Promise<void> {
    if (this.closed) return;
    this.lowBandwidth = on;
    for (const { transceiver, kind } of this.receivers) transceiver.direction = receiveDirection(kind, on);
    await this.negotiate();
  }

  /** Offers the connection as it is now, or marks that one more offer must follow the outstanding one. */
  async negotiate(): Promise<void> {
    if (this.closed) return;
    if (this.offering) {
      this.again = true;
      return;
    }
    this.offering = true;
    this.again = false;
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const own = [...this.own].map(([source, transceiver]): [Source, string | null] => [source, transceiver.mid]);
      this.events.send(publishMessage(this.pc.localDescription?.sdp, sourcesByMid(own)));
    } catch (error) {
      this.offering = false;
      throw error;
    }
  }

  async answer(sdp: string, streams: StreamInfo[], joined = false): Promise<void> {
    if (this.closed || this.pc.signalingState !== 'have-local-offer') return;
    if (mustStartOver(joined, this.answers)) {
      this.events.startOver?.();
      return;
    }
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
    this.offering = false;
    this.answers += 1;
    window.portvaktMedia = { pc: this.pc, streams, you: this.you, iceRestarts: this.restarts };
    try {
      this.events.answered(streams, this.answers === 1);
    } finally {
      // an offer asked for meanwhile goes out whatever the page made of this answer
      if (this.again) await this.negotiate();
    }
  }

  /** The server refused our `publish`: drop the offer so later changes can negotiate again. */
  async refused(): Promise<void> {
    if (this.pc.signalingState === 'have-local-offer') await this.pc.setLocalDescription({ type: 'rollback' });
    this.offering = false;
    this.again = false;
  }

  /** The transceiver behind a receive mid, or nothing if the mid is not one of ours. */
  receiverFor(mid: string): RTCRtpTransceiver | null {
    return this.receivers.find(({ transceiver }) => transceiver.mid === mid)?.transceiver ?? null;
  }

  private add(what: MediaStreamTrack | Kind, kind: Kind, direction: RTCRtpTransceiverDirection,
    encodings?: RTCRtpEncodingParameters[]): RTCRtpTransceiver {
    const transceiver = this.pc.addTransceiver(what, encodings ? { direction, sendEncodings: encodings } : { direction });
    const codecs = routedCodecs(kind, RTCRtpReceiver.getCapabilities?.(kind)?.codecs ?? []);
    // a browser without the call, or without any routed codec, offers its defaults and the SFU picks
    if (codecs.length > 0 && typeof transceiver.setCodecPreferences === 'function') transceiver.setCodecPreferences(codecs);
    return transceiver;
  }

  close(): void {
    this.closed = true;
    this.pc.close();
  }
}
