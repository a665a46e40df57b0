import { describe, expect, it } from 'vitest';
import { publishMessage, shouldPublish } from './media';
import { DEFAULT_CHOICE } from './prejoin';

describe('shouldPublish', () => {
  it('publishes once the tab is in the meeting', () => {
    expect(shouldPublish('IN_MEETING', false, DEFAULT_CHOICE)).toBe(true);
  });
  it('does not publish while waiting, admitted, or already publishing', () => {
    expect(shouldPublish('WAITING', false, DEFAULT_CHOICE)).toBe(false);
    expect(shouldPublish('ADMITTED', false, DEFAULT_CHOICE)).toBe(false);
    expect(shouldPublish(null, false, DEFAULT_CHOICE)).toBe(false);
    expect(shouldPublish('IN_MEETING', true, DEFAULT_CHOICE)).toBe(false);
  });
  it('does not publish when both camera and microphone are off', () => {
    expect(shouldPublish('IN_MEETING', false, { ...DEFAULT_CHOICE, camera: false, microphone: false })).toBe(false);
    expect(shouldPublish('IN_MEETING', false, { ...DEFAULT_CHOICE, camera: false })).toBe(true);
  });
});

describe('publishMessage', () => {
  it('carries the offer', () => {
    expect(publishMessage('v=0\r\n')).toEqual({ type: 'publish', sdp: 'v=0\r\n' });
  });
  it('refuses a missing description', () => {
    expect(() => publishMessage(undefined)).toThrow();
    expect(() => publishMessage('')).toThrow();
  });
});
