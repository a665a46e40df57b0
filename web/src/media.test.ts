import { describe, expect, it } from 'vitest';
import { parseStreams, publishMessage, receiveDirection, receiversToAdd, routedCodecs, sendEncodings, shouldPublish, sourcesByMid } from './media';

describe('shouldPublish', () => {
  it('connects once the tab is in the meeting, even with camera and microphone off (it still receives)', () => {
    expect(shouldPublish('IN_MEETING', false)).toBe(true);
  });
  it('does not connect while waiting, admitted, or already connected', () => {
    expect(shouldPublish('WAITING', false)).toBe(false);
    expect(shouldPublish('ADMITTED', false)).toBe(false);
    expect(shouldPublish(null, false)).toBe(false);
    expect(shouldPublish('IN_MEETING', true)).toBe(false);
  });
});

describe('publishMessage', () => {
  it('carries the offer and the sources of our sending mids', () => {
    expect(publishMessage('v=0\r\n', { 0: 'microphone', 1: 'camera' }))
      .toEqual({ type: 'publish', sdp: 'v=0\r\n', sources: { 0: 'microphone', 1: 'camera' } });
  });
  it('refuses a missing description', () => {
    expect(() => publishMessage(undefined, {})).toThrow();
    expect(() => publishMessage('', {})).toThrow();
    expect(() => publishMessage('o=- 1 1 IN IP4 0.0.0.0', {})).toThrow();
  });
});

describe('sourcesByMid', () => {
  it('maps each negotiated mid to its source and leaves out transceivers without a mid yet', () => {
    expect(sourcesByMid([['microphone', '0'], ['camera', '1'], ['screen', null]]))
      .toEqual({ 0: 'microphone', 1: 'camera' });
  });
  it('keeps a screen transceiver that was reused after a later receive slot', () => {
    expect(sourcesByMid([['microphone', '0'], ['camera', '1'], ['screen', '5']]))
      .toEqual({ 0: 'microphone', 1: 'camera', 5: 'screen' });
  });
});

describe('receiversToAdd', () => {
  const table: Array<[string, Record<'audio' | 'video', number>, Record<string, number>, Record<'audio' | 'video', number>]> = [
    ['first renegotiate', { audio: 0, video: 0 }, { audio: 2, video: 3 }, { audio: 2, video: 3 }],
    ['one more participant', { audio: 2, video: 2 }, { audio: 3, video: 3 }, { audio: 1, video: 1 }],
    ['a screen share adds only video', { audio: 3, video: 3 }, { audio: 3, video: 4 }, { audio: 0, video: 1 }],
    ['someone left: slots are kept, never removed', { audio: 3, video: 3 }, { audio: 1, video: 1 }, { audio: 0, video: 0 }],
    ['a missing kind counts as zero', { audio: 1, video: 0 }, { video: 2 }, { audio: 0, video: 2 }],
    ['a fractional count is not rounded up', { audio: 0, video: 0 }, { audio: 1.7, video: 0 }, { audio: 1, video: 0 }],
  ];
  it.each(table)('%s', (_, have, wanted, expected) => {
    expect(receiversToAdd(have, wanted)).toEqual(expected);
  });
});

describe('receiveDirection', () => {
  it('stops only video in low-bandwidth mode and brings it back after', () => {
    expect(receiveDirection('video', true)).toBe('inactive');
    expect(receiveDirection('audio', true)).toBe('recvonly');
    expect(receiveDirection('video', false)).toBe('recvonly');
    expect(receiveDirection('audio', false)).toBe('recvonly');
  });
});

describe('parseStreams', () => {
  it('keeps well-formed entries and drops the rest', () => {
    const good = { mid: '3', participantId: 'p1', kind: 'video', source: 'camera' };
    expect(parseStreams([good, { mid: 4, participantId: 'p2', kind: 'video', source: 'camera' },
      { mid: '5', participantId: 'p2', kind: 'data', source: 'camera' }, null])).toEqual([good]);
  });
  it('treats a missing list as no streams', () => {
    expect(parseStreams(undefined)).toEqual([]);
  });
});

describe('routedCodecs', () => {
  const codec = (mimeType: string) => ({ mimeType, clockRate: 90000 });
  it('keeps VP8 and its retransmissions, in the browser\'s order, whatever the case', () => {
    expect(routedCodecs('video', [codec('video/VP9'), codec('video/rtx'), codec('video/VP8'), codec('video/H264')]))
      .toEqual([codec('video/rtx'), codec('video/VP8')]);
  });
  it('keeps only Opus for audio', () => {
    expect(routedCodecs('audio', [codec('audio/red'), codec('audio/opus'), codec('audio/telephone-event')]))
      .toEqual([codec('audio/opus')]);
  });
  it('is empty when the browser has none of them', () => {
    expect(routedCodecs('video', [codec('video/H264')])).toEqual([]);
  });
});

describe('sendEncodings', () => {
  it('sends the camera as simulcast, low to high, each layer with a rid', () => {
    const layers = sendEncodings('camera')!;
    expect(layers.map((layer) => layer.rid)).toEqual(['q', 'f']);
    const scales = layers.map((layer) => layer.scaleResolutionDownBy ?? 1);
    expect(scales).toEqual([...scales].sort((a, b) => b - a));
    expect(layers[0].maxBitrate!).toBeLessThan(layers[1].maxBitrate!);
  });
  it('sends the microphone and a shared screen as one encoding', () => {
    expect(sendEncodings('microphone')).toBeUndefined();
    expect(sendEncodings('screen')).toBeUndefined();
  });
});
