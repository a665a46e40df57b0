import { describe, expect, it } from 'vitest';
import { answerCandidate, measure, sample, Sample, verdict } from './equipment-verdict';

const stats = (extra: Array<Record<string, unknown>>) => [
  { id: 'T1', type: 'transport', selectedCandidatePairId: 'P1' },
  { id: 'P1', type: 'candidate-pair', state: 'succeeded', nominated: true, localCandidateId: 'L1',
    currentRoundTripTime: 0.042 },
  { id: 'L1', type: 'local-candidate', candidateType: 'host', protocol: 'udp' },
  ...extra,
] as Array<Record<string, unknown> & { id: string; type: string }>;

const inbound = (video: number, audio: number, packets: number, lost: number, frames: number) => [
  { id: 'V', type: 'inbound-rtp', kind: 'video', bytesReceived: video, packetsReceived: packets, packetsLost: lost,
    framesDecoded: frames },
  { id: 'A', type: 'inbound-rtp', kind: 'audio', bytesReceived: audio, packetsReceived: 0, packetsLost: 0 },
];

describe('the equipment test', () => {
  it('reads the selected pair, its transport and what came back', () => {
    const s = sample(stats([...inbound(1000, 200, 10, 0, 3),
      { id: 'R', type: 'remote-inbound-rtp', fractionLost: 0.02, roundTripTime: 0.05 }]), 0);
    expect(s).toMatchObject({ connected: true, candidateType: 'host', protocol: 'udp', roundTripSeconds: 0.042,
      videoBytes: 1000, audioBytes: 200, packetsReceived: 10, videoFrames: 3, upstreamLoss: 0.02 });
  });

  it('judges a clean video echo good for video', () => {
    const first = sample(stats(inbound(0, 0, 0, 0, 0)), 0);
    const last = sample(stats(inbound(500_000, 40_000, 900, 2, 240)), 8000);
    const m = measure(first, last);
    expect(m).toMatchObject({ transport: { kind: 'udp' }, roundTripMs: 42, lossPercent: 0.2, videoKbps: 500 });
    expect(verdict(m)).toBe('video');
  });

  it.each([
    ['only sound came back', 0, 40_000, 400, 0, 0, 'audio'],
    ['video too thin for a picture', 100_000, 40_000, 400, 0, 100, 'audio'],
    ['a quarter lost', 500_000, 40_000, 600, 200, 240, 'weak'],
    ['nothing came back', 0, 0, 0, 0, 0, 'none'],
  ])('%s', (_what, video, audio, packets, lost, frames, expected) => {
    const first = sample(stats(inbound(0, 0, 0, 0, 0)), 0);
    const last = sample(stats(inbound(video, audio, packets, lost, frames)), 8000);
    expect(verdict(measure(first, last))).toBe(expected);
  });

  it('reports a relay and no connection for what they are', () => {
    const relayed: Sample = { ...sample(stats([]), 0), candidateType: 'relay', relayProtocol: 'tcp' };
    expect(measure(relayed, relayed).transport).toEqual({ kind: 'relay', protocol: 'tcp' });
    const none = sample([], 0);
    expect(none.connected).toBe(false);
    expect(verdict(measure(none, none))).toBe('none');
  });

  it('finds the media address in the answer', () => {
    expect(answerCandidate('v=0\r\na=candidate:1 1 udp 2130706431 192.0.2.7 10000 typ host\r\n'))
      .toEqual({ address: '192.0.2.7', port: 10000 });
    expect(answerCandidate('v=0\r\n')).toBeNull();
  });
});
