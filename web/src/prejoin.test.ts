import { describe, expect, it } from 'vitest';
import { constraints, DEFAULT_CHOICE, deviceOptions, loadChoice, mediaProblem, saveChoice } from './prejoin';

describe('mediaProblem', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'missing'],
    ['OverconstrainedError', 'missing'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'unsupported'],
    ['SomethingNew', 'other'],
  ])('%s is %s', (name, problem) => {
    expect(mediaProblem(new DOMException('x', name))).toBe(problem);
  });

  it('copes with whatever was thrown', () => {
    expect(mediaProblem('a string')).toBe('other');
    expect(mediaProblem(null)).toBe('other');
  });
});

describe('deviceOptions', () => {
  const device = (kind: MediaDeviceKind, deviceId: string, label: string) =>
    ({ kind, deviceId, label, groupId: '', toJSON: () => ({}) }) as MediaDeviceInfo;

  it('keeps one kind, numbers unnamed devices and drops the anonymous placeholder', () => {
    const devices = [device('videoinput', 'a', 'Inbyggd kamera'), device('audioinput', 'm', 'Mikrofon'),
      device('videoinput', 'b', ''), device('videoinput', '', '')];
    expect(deviceOptions(devices, 'videoinput', 'Kamera')).toEqual([
      { id: 'a', label: 'Inbyggd kamera' },
      { id: 'b', label: 'Kamera 2' },
    ]);
  });
});

describe('constraints', () => {
  it('asks for any device by default and the chosen one exactly', () => {
    expect(constraints(DEFAULT_CHOICE)).toEqual({ video: true, audio: true });
    expect(constraints({ camera: true, microphone: false, cameraId: 'cam', microphoneId: null }))
      .toEqual({ video: { deviceId: { exact: 'cam' } }, audio: false });
  });
});

describe('the stored choice', () => {
  it('round-trips and falls back to the default when unreadable', () => {
    saveChoice(window.sessionStorage, { camera: false, microphone: true, cameraId: null, microphoneId: 'm' });
    expect(loadChoice(window.sessionStorage)).toEqual({ camera: false, microphone: true, cameraId: null, microphoneId: 'm' });
    window.sessionStorage.setItem('portvakt.media', '{not json');
    expect(loadChoice(window.sessionStorage)).toEqual(DEFAULT_CHOICE);
  });
});
