import { describe, expect, it } from 'vitest';
import {
  browserFamily, constraints, DEFAULT_CHOICE, deviceOptions, loadChoice, mediaProblem, meterValue, saveChoice,
  useChosenSpeaker,
} from './prejoin';

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
    expect(constraints({ camera: true, microphone: false, cameraId: 'cam', microphoneId: null, speakerId: 'spk' }))
      .toEqual({ video: { deviceId: { exact: 'cam' } }, audio: false });
  });
});

describe('the stored choice', () => {
  it('round-trips and falls back to the default when unreadable', () => {
    saveChoice(window.sessionStorage, { camera: false, microphone: true, cameraId: null, microphoneId: 'm', speakerId: 's' });
    expect(loadChoice(window.sessionStorage))
      .toEqual({ camera: false, microphone: true, cameraId: null, microphoneId: 'm', speakerId: 's' });
    window.sessionStorage.setItem('portvakt.media', '{not json');
    expect(loadChoice(window.sessionStorage)).toEqual(DEFAULT_CHOICE);
  });
});

describe('the stored choice from before the speaker could be chosen', () => {
  it('gets the default speaker', () => {
    window.sessionStorage.setItem('portvakt.media', JSON.stringify({ camera: true, microphone: false, cameraId: 'c', microphoneId: null }));
    expect(loadChoice(window.sessionStorage).speakerId).toBeNull();
  });
});

describe('browserFamily', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'chrome'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'edge'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'firefox'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'safari'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'safari'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', 'ios'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'chrome'],
    ['curl/8.5.0', 'other'],
  ])('%s is %s', (userAgent, family) => {
    expect(browserFamily(userAgent)).toBe(family);
  });
});

describe('meterValue', () => {
  it('is a whole percentage, kept inside 0..100', () => {
    expect(meterValue(0)).toBe(0);
    expect(meterValue(0.424)).toBe(42);
    expect(meterValue(1.7)).toBe(100);
    expect(meterValue(-0.2)).toBe(0);
  });
});

describe('useChosenSpeaker', () => {
  it('sends the sound to the chosen speaker where the browser can, and leaves it alone otherwise', () => {
    const chosen: string[] = [];
    const player = { setSinkId: (id: string) => { chosen.push(id); return Promise.resolve(); } } as unknown as HTMLMediaElement;
    saveChoice(window.sessionStorage, { ...DEFAULT_CHOICE, speakerId: 'headset' });
    useChosenSpeaker(player);
    expect(chosen).toEqual(['headset']);

    saveChoice(window.sessionStorage, DEFAULT_CHOICE);
    useChosenSpeaker(player);
    expect(chosen).toEqual(['headset']);
    expect(() => useChosenSpeaker({} as HTMLMediaElement)).not.toThrow();
  });
});
