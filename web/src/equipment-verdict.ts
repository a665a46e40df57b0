// What the equipment test's echo connection measured, read from RTCPeerConnection.getStats(), and the verdict in
// plain words. Pure functions: the page (equipment-test.ts) samples, these judge.

/** One getStats() reading of the echo connection. */
export interface Sample {
  at: number; // milliseconds
  connected: boolean;
  /** The selected pair's local candidate: host, srflx, prflx or relay; and its protocol, udp or tcp. */
  candidateType: string | null;
  protocol: string | null;
  relayProtocol: string | null;
  roundTripSeconds: number | null;
  audioBytes: number;
  videoBytes: number;
  packetsReceived: number;
  packetsLost: number;
  videoFrames: number;
  /** Loss the SFU reported about what we sent (RTCP receiver reports), 0..1, the worst stream. */
  upstreamLoss: number | null;
}

type Stat = Record<string, unknown> & { id: string; type: string };

const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Reads a getStats() report (any iterable of stats objects) taken at {@code at}. */
export function sample(report: Iterable<Stat>, at: number): Sample {
  const byId = new Map<string, Stat>();
  for (const stat of report) byId.set(stat.id, stat);
  let pair: Stat | undefined;
  for (const stat of byId.values()) {
    if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string') {
      pair = byId.get(stat.selectedCandidatePairId);
    }
  }
  if (!pair) {
    pair = [...byId.values()].find((stat) => stat.type === 'candidate-pair' && stat.state === 'succeeded'
      && stat.nominated === true);
  }
  const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
  const result: Sample = {
    at,
    connected: pair?.state === 'succeeded',
    candidateType: text(local?.candidateType),
    protocol: text(local?.protocol),
    relayProtocol: text(local?.relayProtocol),
    roundTripSeconds: typeof pair?.currentRoundTripTime === 'number' ? pair.currentRoundTripTime : null,
    audioBytes: 0,
    videoBytes: 0,
    packetsReceived: 0,
    packetsLost: 0,
    videoFrames: 0,
    upstreamLoss: null,
  };
  for (const stat of byId.values()) {
    if (stat.type === 'inbound-rtp') {
      if (stat.kind === 'video') {
        result.videoBytes += number(stat.bytesReceived);
        result.videoFrames += number(stat.framesDecoded);
      } else {
        result.audioBytes += number(stat.bytesReceived);
      }
      result.packetsReceived += number(stat.packetsReceived);
      result.packetsLost += Math.max(0, number(stat.packetsLost));
    } else if (stat.type === 'remote-inbound-rtp' && typeof stat.fractionLost === 'number') {
      result.upstreamLoss = Math.max(result.upstreamLoss ?? 0, stat.fractionLost);
      if (result.roundTripSeconds === null && typeof stat.roundTripTime === 'number') {
        result.roundTripSeconds = stat.roundTripTime;
      }
    }
  }
  return result;
}

/** Over what the media went: udp or tcp direct, or through a relay (TURN) over its protocol. */
export type Transport = { kind: 'udp' | 'tcp' } | { kind: 'relay'; protocol: string } | { kind: 'none' };

export interface Measurement {
  transport: Transport;
  roundTripMs: number | null;
  lossPercent: number | null;
  kbps: number;
  videoKbps: number;
  videoFrames: number;
  packets: number;
}

/** What came back between two samples of the same connection (first, last). */
export function measure(first: Sample, last: Sample): Measurement {
  const seconds = Math.max(0.001, (last.at - first.at) / 1000);
  const received = last.packetsReceived - first.packetsReceived;
  const lost = last.packetsLost - first.packetsLost;
  const downstream = received + lost > 0 ? lost / (received + lost) : null;
  const losses = [downstream, last.upstreamLoss].filter((loss): loss is number => loss !== null);
  let transport: Transport = { kind: 'none' };
  if (last.connected) {
    transport = last.candidateType === 'relay'
      ? { kind: 'relay', protocol: last.relayProtocol ?? last.protocol ?? 'udp' }
      : { kind: last.protocol === 'tcp' ? 'tcp' : 'udp' };
  }
  const videoBytes = last.videoBytes - first.videoBytes;
  const allBytes = videoBytes + last.audioBytes - first.audioBytes;
  return {
    transport,
    roundTripMs: last.roundTripSeconds === null ? null : Math.round(last.roundTripSeconds * 1000),
    lossPercent: losses.length === 0 ? null : Math.round(Math.max(...losses) * 1000) / 10,
    kbps: Math.round((allBytes * 8) / seconds / 1000),
    videoKbps: Math.round((videoBytes * 8) / seconds / 1000),
    videoFrames: last.videoFrames - first.videoFrames,
    packets: received,
  };
}

export type Verdict = 'video' | 'audio' | 'weak' | 'none';

/** Video needs this much coming back; below it sound still works. */
export const VIDEO_KBPS = 150;

/**
 * The verdict: no media back is no connection; heavy loss or a long delay is too weak; video is good when frames
 * came back at a video bitrate with little loss; otherwise sound will do.
 */
export function verdict(m: Measurement): Verdict {
  if (m.transport.kind === 'none' || m.packets === 0) return 'none';
  const loss = m.lossPercent ?? 0;
  const rtt = m.roundTripMs ?? 0;
  if (loss >= 20 || rtt >= 1500) return 'weak';
  if (m.videoFrames > 0 && m.videoKbps >= VIDEO_KBPS && loss < 5 && rtt < 500) return 'video';
  return 'audio';
}

/** The media address and port in an answer's first candidate ("a=candidate:... udp ... 192.0.2.1 10000 typ host"). */
export function answerCandidate(sdp: string): { address: string; port: number } | null {
  const match = /^a=candidate:\S+ \d+ \S+ \d+ (\S+) (\d+) typ /m.exec(sdp);
  return match ? { address: match[1], port: Number(match[2]) } : null;
}
