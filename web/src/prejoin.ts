// The pre-join check on the meeting page: the guest sees and hears themself, chooses camera and microphone,
// and turns either off before joining. The choice is kept for this tab only (sessionStorage), never sent.

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
}

export const DEFAULT_CHOICE: MediaChoice = { camera: true, microphone: true, cameraId: null, microphoneId: null };
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

/** Wires a [data-prejoin] section: preview, toggles, device lists and the problem message. */
export function prejoin(section: HTMLElement): void {
  const video = section.querySelector<HTMLVideoElement>('[data-prejoin-preview]')!;
  const status = section.querySelector<HTMLElement>('[data-prejoin-status]')!;
  const cameraToggle = section.querySelector<HTMLInputElement>('[data-prejoin-camera]')!;
  const microphoneToggle = section.querySelector<HTMLInputElement>('[data-prejoin-microphone]')!;
  const cameraSelect = section.querySelector<HTMLSelectElement>('[data-prejoin-camera-device]')!;
  const microphoneSelect = section.querySelector<HTMLSelectElement>('[data-prejoin-microphone-device]')!;
  let choice = loadChoice(window.sessionStorage);
  let stream: MediaStream | null = null;

  const fill = (select: HTMLSelectElement, options: DeviceOption[], chosen: string | null): void => {
    select.replaceChildren(...options.map((option) => new Option(option.label, option.id, false, option.id === chosen)));
    select.disabled = options.length === 0;
  };

  const start = async (): Promise<void> => {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    status.textContent = '';
    cameraToggle.checked = choice.camera;
    microphoneToggle.checked = choice.microphone;
    saveChoice(window.sessionStorage, choice);
    if (!choice.camera && !choice.microphone) {
      status.textContent = section.dataset.textOff ?? '';
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      status.textContent = section.dataset.textUnsupported ?? '';
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia(constraints(choice));
      video.srcObject = stream;
      const devices = await navigator.mediaDevices.enumerateDevices();
      fill(cameraSelect, deviceOptions(devices, 'videoinput', section.dataset.textCamera ?? ''),
        stream.getVideoTracks()[0]?.getSettings().deviceId ?? choice.cameraId);
      fill(microphoneSelect, deviceOptions(devices, 'audioinput', section.dataset.textMicrophone ?? ''),
        stream.getAudioTracks()[0]?.getSettings().deviceId ?? choice.microphoneId);
      section.dataset.state = 'ready';
    } catch (error) {
      const problem = mediaProblem(error);
      status.textContent = section.dataset[`text${problem[0].toUpperCase()}${problem.slice(1)}`] ?? '';
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
  // leaving the page (joining) releases the camera; the meeting page asks again with the same choice
  window.addEventListener('pagehide', () => stream?.getTracks().forEach((track) => track.stop()));
  void start();
}
