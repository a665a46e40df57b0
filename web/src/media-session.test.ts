import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaSession, pathSilentMs, StreamInfo } from './media';

// A stand-in for the browser's RTCPeerConnection with its real rules that matter here: mids are given at
// setLocalDescription, an answer is only accepted in have-local-offer, rollback returns to stable.
class FakeTransceiver {
  mid: string | null = null;
  codecs: string[] = [];
  readonly sender: { track: unknown; replaceTrack: (track: unknown) => Promise<void> };
  readonly receiver: { track: { kind: string } };
  constructor(readonly kind: string, public direction: string, track: unknown) {
    this.sender = { track, replaceTrack: async (next) => { this.sender.track = next; } };
    this.receiver = { track: { kind } };
  }
  setCodecPreferences(codecs: Array<{ mimeType: string }>) {
    this.codecs = codecs.map((codec) => codec.mimeType);
  }
}

// what Chromium lists, in its order
const CAPABILITIES: Record<string, Array<{ mimeType: string; clockRate: number }>> = {
  audio: ['audio/opus', 'audio/red', 'audio/G722', 'audio/PCMU', 'audio/telephone-event'].map((mimeType) => ({ mimeType, clockRate: 48000 })),
  video: ['video/VP8', 'video/rtx', 'video/VP9', 'video/H264', 'video/AV1', 'video/red', 'video/ulpfec'].map((mimeType) => ({ mimeType, clockRate: 90000 })),
};

class FakePeerConnection extends EventTarget {
  signalingState = 'stable';
  connectionState = 'new';
  configuration: { iceServers?: unknown[] } = {};
  // the ICE username fragment the next offer carries: a restart asks for a new one
  ufrag = 1;
  private restartAsked = false;
  restartIce() {
    this.restartAsked = true;
  }
  setConfiguration(configuration: { iceServers?: unknown[] }) {
    this.configuration = configuration;
  }
  connect(state: string) {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
  localDescription: { type: string; sdp: string } | null = null;
  readonly transceivers: FakeTransceiver[] = [];
  private nextMid = 0;
  addTransceiver(trackOrKind: string | { kind: string }, init: { direction: string }) {
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
    const transceiver = new FakeTransceiver(kind, init.direction, typeof trackOrKind === 'string' ? null : trackOrKind);
    this.transceivers.push(transceiver);
    return transceiver;
  }
  async createOffer() {
    if (this.restartAsked) {
      this.restartAsked = false;
      this.ufrag += 1;
    }
    return { type: 'offer', sdp: `v=0\r\na=ice-ufrag:u${this.ufrag}\r\n${this.transceivers.map((t) => `m=${t.kind} a=${t.direction}`).join('\r\n')}` };
  }
  async setLocalDescription(description: { type: string; sdp?: string }) {
    if (description.type === 'rollback') {
      this.signalingState = 'stable';
      return;
    }
    for (const transceiver of this.transceivers) transceiver.mid ??= String(this.nextMid++);
    this.localDescription = { type: 'offer', sdp: description.sdp ?? '' };
    this.signalingState = 'have-local-offer';
  }
  async setRemoteDescription() {
    if (this.signalingState !== 'have-local-offer') throw new Error('InvalidStateError');
    this.signalingState = 'stable';
  }
  close() {}
}

type Published = { type: string; sdp: string; sources: Record<string, string> };

describe('MediaSession', () => {
  let sent: Published[];
  let answers: StreamInfo[][];
  let session: MediaSession;
  let pc: FakePeerConnection;
  const track = (kind: string) => ({ kind }) as unknown as MediaStreamTrack;
  const answer = (streams: StreamInfo[] = []) => session.answer('v=0\r\nanswer', streams);

  beforeEach(() => {
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    vi.stubGlobal('RTCRtpReceiver', { getCapabilities: (kind: string) => ({ codecs: CAPABILITIES[kind], headerExtensions: [] }) });
    sent = [];
    answers = [];
    session = new MediaSession({
      send: (message) => sent.push(message as Published),
      answered: (streams) => answers.push(streams),
      receiverAdded: () => undefined,
    }, 'me');
    pc = session.pc as unknown as FakePeerConnection;
    session.prepare('microphone', track('audio'));
    session.prepare('camera', track('video'));
  });

  it('offers its own tracks sendonly and names their mids', async () => {
    await session.negotiate();
    expect(sent).toHaveLength(1);
    expect(sent[0].sdp).toBe('v=0\r\na=ice-ufrag:u1\r\nm=audio a=sendonly\r\nm=video a=sendonly');
    expect(sent[0].sources).toEqual({ 0: 'microphone', 1: 'camera' });
  });

  it('offers only the codecs the SFU routes, on sending and receiving transceivers alike', async () => {
    await session.receive({ audio: 1, video: 1 });
    expect(pc.transceivers.map((t) => `${t.direction} ${t.codecs.join(',')}`)).toEqual([
      'sendonly audio/opus', 'sendonly video/VP8,video/rtx', 'recvonly audio/opus', 'recvonly video/VP8,video/rtx']);
  });

  it('never has two offers out: a renegotiate during an offer waits for the answer, then offers once', async () => {
    await session.negotiate();
    await session.receive({ audio: 2, video: 2 });
    await session.receive({ audio: 2, video: 3 });
    expect(sent).toHaveLength(1);
    await answer();
    expect(sent).toHaveLength(2);
    expect(sent[1].sdp.match(/a=recvonly/g)).toHaveLength(5);
    // receive slots are not ours: only the sending mids are named
    expect(sent[1].sources).toEqual({ 0: 'microphone', 1: 'camera' });
    await answer();
    expect(sent).toHaveLength(2);
  });

  it('hands every answer\'s streams to the page and to the test hook', async () => {
    await session.negotiate();
    const streams: StreamInfo[] = [{ mid: '2', participantId: 'anna', kind: 'video', source: 'camera' }];
    await answer(streams);
    expect(answers).toEqual([streams]);
    expect(window.portvaktMedia?.streams).toEqual(streams);
    expect(window.portvaktMedia?.pc).toBe(session.pc);
    expect(window.portvaktMedia?.you).toBe('me');
  });

  it('ignores an answer nobody asked for', async () => {
    await answer([{ mid: '2', participantId: 'anna', kind: 'video', source: 'camera' }]);
    expect(answers).toEqual([]);
  });

  it('low bandwidth makes only the video receivers inactive, and back', async () => {
    await session.negotiate();
    await answer();
    await session.receive({ audio: 1, video: 2 });
    await answer();
    await session.setLowBandwidth(true);
    expect(pc.transceivers.map((t) => `${t.kind}:${t.direction}`))
      .toEqual(['audio:sendonly', 'video:sendonly', 'audio:recvonly', 'video:inactive', 'video:inactive']);
    await answer();
    await session.receive({ audio: 1, video: 3 });
    expect(pc.transceivers.at(-1)?.direction).toBe('inactive');
    await answer();
    await session.setLowBandwidth(false);
    expect(pc.transceivers.filter((t) => t.direction === 'inactive')).toEqual([]);
    expect(sent.at(-1)?.sdp).not.toContain('inactive');
  });

  it('stopping a screen share keeps its transceiver, and sharing again reuses the same mid', async () => {
    await session.negotiate();
    await answer();
    await session.receive({ audio: 1, video: 1 });
    await answer();
    const screen = track('video');
    await session.send('screen', screen);
    await answer();
    expect(sent.at(-1)?.sources).toEqual({ 0: 'microphone', 1: 'camera', 4: 'screen' });
    await session.stopSending('screen');
    const stopped = pc.transceivers[4];
    expect([stopped.direction, stopped.sender.track]).toEqual(['inactive', null]);
    await answer();
    const again = track('video');
    await session.send('screen', again);
    expect(pc.transceivers).toHaveLength(5);
    expect([stopped.direction, stopped.sender.track]).toEqual(['sendonly', again]);
    expect(sent.at(-1)?.sources).toEqual({ 0: 'microphone', 1: 'camera', 4: 'screen' });
  });

  it('replacing a track on a sending transceiver needs no new offer', async () => {
    await session.negotiate();
    await answer();
    await session.send('camera', track('video'));
    expect(sent).toHaveLength(1);
  });

  it('a refused offer is rolled back so the next change can offer again', async () => {
    await session.negotiate();
    await session.refused();
    expect(pc.signalingState).toBe('stable');
    await session.receive({ audio: 1, video: 0 });
    expect(sent).toHaveLength(2);
  });
  it('restarts ICE with fresh relay credentials: a new offer with new credentials, the same mids', async () => {
    await session.negotiate();
    await answer();
    const before = sent[0];
    const relay = [{ urls: 'turns:turn.example:443', username: '1:x', credential: 'y' }];
    await session.restartIce(relay);
    expect(sent).toHaveLength(2);
    expect(sent[1].sdp).toContain('a=ice-ufrag:u2');
    expect(before.sdp).toContain('a=ice-ufrag:u1');
    expect(sent[1].sources).toEqual(before.sources);
    expect(pc.configuration.iceServers).toEqual(relay);
    expect(session.iceRestarts).toBe(1);
  });

  it('says for how long a restart has been under way', async () => {
    vi.useFakeTimers();
    try {
      await session.negotiate();
      await answer();
      expect(session.restartedWithin(6000)).toBe(false);
      await session.restartIce();
      expect(session.restartedWithin(6000)).toBe(true);
      vi.advanceTimersByTime(6000);
      expect(session.restartedWithin(6000)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a restart during an outstanding offer follows its answer, not beside it', async () => {
    await session.negotiate();
    await session.restartIce();
    expect(sent).toHaveLength(1);
    await answer();
    expect(sent).toHaveLength(2);
    expect(sent[1].sdp).toContain('a=ice-ufrag:u2');
  });

  it('an answer from an SFU that joined the connection anew is not applied: the page starts over', async () => {
    const startOver = vi.fn();
    session = new MediaSession({ send: (message) => sent.push(message as Published), answered: (streams) => answers.push(streams),
      receiverAdded: () => undefined, startOver }, 'me');
    pc = session.pc as unknown as FakePeerConnection;
    await session.negotiate();
    await session.answer('v=0\r\nanswer', [], true);
    expect(startOver).not.toHaveBeenCalled();
    expect(answers).toHaveLength(1);
    await session.receive({ audio: 1 });
    await session.answer('v=0\r\nanswer', [], true);
    expect(startOver).toHaveBeenCalledOnce();
    expect(answers).toHaveLength(1);
    expect(pc.signalingState).toBe('have-local-offer');
  });

  it('tells the page when the connection is lost and back', () => {
    const states: string[] = [];
    session = new MediaSession({ send: () => undefined, answered: () => undefined, receiverAdded: () => undefined,
      connection: (state) => states.push(state) }, 'me');
    pc = session.pc as unknown as FakePeerConnection;
    pc.connect('connected');
    pc.connect('disconnected');
    pc.connect('connected');
    session.close();
    pc.connect('closed');
    expect(states).toEqual(['connected', 'disconnected', 'connected']);
  });
});

describe('pathSilentMs', () => {
  it('is how long the selected pair received nothing, from the same report', () => {
    expect(pathSilentMs({ timestamp: 10_000, lastPacketReceivedTimestamp: 3_500 })).toBe(6_500);
    expect(pathSilentMs({ timestamp: 10_000, lastPacketReceivedTimestamp: 10_200 })).toBe(0);
  });
  it('says nothing without the figures', () => {
    expect(pathSilentMs(undefined)).toBeNull();
    expect(pathSilentMs({ timestamp: 10_000 })).toBeNull();
  });
});
