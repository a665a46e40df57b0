// The pre-join check on the meeting page: the guest sees and hears themself, chooses camera and microphone,
// and turns either off before joining. The choice is kept for this tab only (sessionStorage), never sent.

import { watchLevel } from './devices/level-meter';
import { playTestSound } from './devices/test-sound';

export type MediaProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'other';

/** What went wrong with getUserMedia, in the words the page has a message for. */
export function mediaProblem(error: unknown): MediaProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

export interface DeviceOption {
  id: string;
  label: string;
}

/** The devices of one kind as options; unnamed ones (before permission) get a numbered fallback label. */
export function deviceOptions(devices: MediaDeviceInfo[], kind: MediaDeviceKind, fallback: string): DeviceOption[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device, index) => ({ id: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
}

export interface MediaChoice {
  camera: boolean;
  microphone: boolean;
  cameraId: string | null;
  microphoneId: string | null;
  /** The chosen speaker (an audiooutput deviceId) where the browser can choose one; null is the default. */
  speakerId: string | null;
}

export const DEFAULT_CHOICE: MediaChoice = { camera: true, microphone: true, cameraId: null, microphoneId: null, speakerId: null };
const STORAGE_KEY = 'portvakt.media';

/** getUserMedia constraints for a choice; a chosen device is asked for exactly, otherwise any will do. */
export function constraints(choice: MediaChoice): MediaStreamConstraints {
  return {
    video: choice.camera ? (choice.cameraId ? { deviceId: { exact: choice.cameraId } } : true) : false,
    audio: choice.microphone ? (choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : true) : false,
  };
}

export function loadChoice(storage: Storage): MediaChoice {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<MediaChoice> | null;
    return { ...DEFAULT_CHOICE, ...(stored ?? {}) };
  } catch {
    return { ...DEFAULT_CHOICE };
  }
}

export function saveChoice(storage: Storage, choice: MediaChoice): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(choice));
}

export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ios' | 'other';

/**
 * Which browser's settings the "permission denied" help should describe. On iPhone and iPad every browser is
 * Safari underneath, but the others keep the permission in the phone's settings, so they get their own help.
 */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/iPhone|iPad|iPod/.test(userAgent) && /CriOS|FxiOS|EdgiOS/.test(userAgent)) return 'ios';
  if (/Edg(e|A|iOS)?\//.test(userAgent)) return 'edge';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrome\/|Chromium\//.test(userAgent)) return 'chrome';
  if (/Safari\//.test(userAgent) && /Version\//.test(userAgent)) return 'safari';
  return 'other';
}

/** Whether this browser lets a page choose the speaker (HTMLMediaElement.setSinkId). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * Plays a meeting's sound on the speaker chosen in the pre-join, where the browser can choose one; a speaker that
 * has gone away leaves the player on the default one.
 */
export function useChosenSpeaker(player: HTMLMediaElement, storage: Storage = window.sessionStorage): void {
  const speakerId = loadChoice(storage).speakerId;
  const element = player as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (speakerId && typeof element.setSinkId === 'function') void element.setSinkId(speakerId).catch(() => undefined);
}

/** The meter's look for a level 0..1: a width in percent and a whole-number value for assistive technology. */
export function meterValue(level: number): number {
  return Math.round(Math.min(1, Math.max(0, level)) * 100);
}

/**
 * Wires a [data-prejoin] section: preview, toggles, device lists (speaker too where the browser can choose one),
 * the live microphone level, the test sound and, when the browser refuses, help for this browser and "try again".
 * On a meeting page ([data-meeting-room]) the check steps aside once the meeting itself has the devices.
 */
export function prejoin(section: HTMLElement): void {
  const video = section.querySelector<HTMLVideoElement>('[data-prejoin-preview]')!;
  const status = section.querySelector<HTMLElement>('[data-prejoin-status]')!;
  const cameraToggle = section.querySelector<HTMLInputElement>('[data-prejoin-camera]')!;
  const microphoneToggle = section.querySelector<HTMLInputElement>('[data-prejoin-microphone]')!;
  const cameraSelect = section.querySelector<HTMLSelectElement>('[data-prejoin-camera-device]')!;
  const microphoneSelect = section.querySelector<HTMLSelectElement>('[data-prejoin-microphone-device]')!;
  const speakerSelect = section.querySelector<HTMLSelectElement>('[data-prejoin-speaker-device]');
  const speakerField = section.querySelector<HTMLElement>('[data-prejoin-speaker-field]');
  const meter = section.querySelector<HTMLElement>('[data-prejoin-level]');
  const meterBar = meter?.querySelector<HTMLElement>('[data-prejoin-level-bar]') ?? null;
  const testSound = section.querySelector<HTMLButtonElement>('[data-prejoin-test-sound]');
  const help = section.querySelector<HTMLElement>('[data-prejoin-help]');
  const helpText = section.querySelector<HTMLElement>('[data-prejoin-help-text]');
  const retry = section.querySelector<HTMLButtonElement>('[data-prejoin-retry]');
  const cameraOff = section.querySelector<HTMLElement>('[data-prejoin-camera-off]');
  const texts = section.dataset;
  let choice = loadChoice(window.sessionStorage);
  let stream: MediaStream | null = null;
  let stopLevel: () => void = () => undefined;
  let generation = 0;
  let done = false;

  const fill = (select: HTMLSelectElement, options: DeviceOption[], chosen: string | null): void => {
    select.replaceChildren(...options.map((option) => new Option(option.label, option.id, false, option.id === chosen)));
    select.disabled = options.length === 0;
  };

  const showLevel = (level: number): void => {
    const value = meterValue(level);
    meter?.setAttribute('aria-valuenow', String(value));
    if (meterBar) meterBar.style.width = `${value}%`;
  };

  const release = (): void => {
    stopLevel();
    stopLevel = () => undefined;
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    showLevel(0);
  };

  const speakers = async (devices: MediaDeviceInfo[]): Promise<void> => {
    if (!speakerSelect || !speakerField) return;
    const outputs = deviceOptions(devices, 'audiooutput', texts.textSpeaker ?? '');
    // only where the page can really send sound to the chosen one; elsewhere the system's speaker is used
    speakerField.hidden = !canChooseSpeaker() || outputs.length === 0;
    fill(speakerSelect, outputs, choice.speakerId ?? outputs[0]?.id ?? null);
  };

  const start = async (): Promise<void> => {
    const mine = ++generation;
    release();
    status.textContent = '';
    if (help) help.hidden = true;
    cameraToggle.checked = choice.camera;
    microphoneToggle.checked = choice.microphone;
    if (cameraOff) cameraOff.hidden = choice.camera;
    meter?.toggleAttribute('data-off', !choice.microphone);
    saveChoice(window.sessionStorage, choice);
    if (done) return;
    if (!choice.camera && !choice.microphone) {
      status.textContent = texts.textOff ?? '';
      section.dataset.state = 'off';
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      status.textContent = texts.textUnsupported ?? '';
      section.dataset.state = 'unsupported';
      return;
    }
    section.dataset.state = 'starting';
    try {
      const got = await navigator.mediaDevices.getUserMedia(constraints(choice));
      if (mine !== generation || done) {
        got.getTracks().forEach((track) => track.stop());
        return;
      }
      stream = got;
      video.srcObject = got;
      stopLevel = watchLevel(got, showLevel);
      const devices = await navigator.mediaDevices.enumerateDevices();
      fill(cameraSelect, deviceOptions(devices, 'videoinput', texts.textCamera ?? ''),
        got.getVideoTracks()[0]?.getSettings().deviceId ?? choice.cameraId);
      fill(microphoneSelect, deviceOptions(devices, 'audioinput', texts.textMicrophone ?? ''),
        got.getAudioTracks()[0]?.getSettings().deviceId ?? choice.microphoneId);
      await speakers(devices);
      section.dataset.state = 'ready';
    } catch (error) {
      if (mine !== generation) return;
      const problem = mediaProblem(error);
      status.textContent = texts[`text${problem[0].toUpperCase()}${problem.slice(1)}`] ?? '';
      if (help && helpText) {
        const family = browserFamily(navigator.userAgent);
        helpText.textContent = problem === 'denied' ? texts[`textHelp${family[0].toUpperCase()}${family.slice(1)}`] ?? '' : '';
        helpText.hidden = problem !== 'denied';
        help.hidden = false;
        // the way out of the problem must be in sight, wherever the page was scrolled to (a reload keeps it)
        help.scrollIntoView?.({ block: 'nearest' });
      }
      section.dataset.state = problem;
    }
  };

  cameraToggle.addEventListener('change', () => { choice = { ...choice, camera: cameraToggle.checked }; void start(); });
  microphoneToggle.addEventListener('change', () => {
    choice = { ...choice, microphone: microphoneToggle.checked };
    void start();
  });
  cameraSelect.addEventListener('change', () => { choice = { ...choice, cameraId: cameraSelect.value }; void start(); });
  microphoneSelect.addEventListener('change', () => {
    choice = { ...choice, microphoneId: microphoneSelect.value };
    void start();
  });
  speakerSelect?.addEventListener('change', () => {
    choice = { ...choice, speakerId: speakerSelect.value };
    saveChoice(window.sessionStorage, choice);
  });
  retry?.addEventListener('click', () => void start());
  testSound?.addEventListener('click', () => {
    if (testSound.getAttribute('aria-disabled') === 'true') return;
    testSound.setAttribute('aria-disabled', 'true');
    const label = testSound.textContent;
    testSound.textContent = texts.textPlaying ?? label;
    void playTestSound(choice.speakerId ?? undefined).finally(() => {
      testSound.removeAttribute('aria-disabled');
      testSound.textContent = label;
    });
  });

  // on a meeting page the meeting opens the devices itself once in: the check lets go of them and steps aside
  const room = section.closest<HTMLElement>('[data-meeting-room]');
  if (room) {
    const follow = (): void => {
      const over = room.dataset.state === 'IN_MEETING' || room.dataset.closed !== undefined;
      if (over === done) return;
      done = over;
      section.hidden = over;
      // back from the meeting (a host who left, a guest sent back to wait): the check takes the devices again
      if (over) {
        generation++;
        release();
      } else {
        void start();
      }
    };
    new MutationObserver(follow).observe(room, { attributes: true, attributeFilter: ['data-state', 'data-closed'] });
    done = room.dataset.state === 'IN_MEETING' || room.dataset.closed !== undefined;
    section.hidden = done;
  }
  // leaving the page (joining) releases the camera; the meeting page asks again with the same choice
  window.addEventListener('pagehide', release);
  void start();
}
