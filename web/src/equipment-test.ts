// The equipment test at /testa (docs/equipment-test.md): camera preview, microphone level and test sound from the
// devices module, and a network test through an echo session on Portvakt's SFU, judged by equipment-verdict.ts.
import { watchLevel } from './devices/level-meter';
import { playTestSound } from './devices/test-sound';
import { answerCandidate, measure, Measurement, sample, Sample, Verdict, verdict } from './equipment-verdict';
import { mediaProblem } from './prejoin';
import { format, readTexts, Texts } from './texts';

/** How long ICE and DTLS may take before the test says "no connection"; then media must start within MEDIA_MS. */
const CONNECT_MS = 15_000;
const MEDIA_MS = 10_000;
/** How long media is measured once it flows. */
const MEASURE_SECONDS = 8;

type Refusal = 'unreachable' | 'rate-limited' | 'busy' | 'invalid';

interface EchoAnswer {
  session: string;
  answer: string;
  seconds: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, ms));

export function equipmentTest(page: HTMLElement): void {
  const texts = readTexts(page);
  const echoUrl = page.dataset.echoUrl ?? '/testa/echo';
  const el = <T extends HTMLElement>(selector: string): T => page.querySelector<T>(selector)!;
  const problem = el<HTMLElement>('[data-device-problem]');
  const level = el<HTMLElement>('[data-microphone-level]');
  const bar = level.querySelector<HTMLElement>('span')!;
  const speakerChoice = el<HTMLElement>('[data-speaker-choice]');
  const speakerDevice = el<HTMLSelectElement>('[data-speaker-device]');
  const speakerStatus = el<HTMLElement>('[data-speaker-status]');
  const start = el<HTMLButtonElement>('[data-network-start]');
  const progress = el<HTMLElement>('[data-network-progress]');
  let devices: MediaStream | null = null;

  void openDevices();

  el<HTMLButtonElement>('[data-play-sound]').addEventListener('click', () => {
    speakerStatus.textContent = '';
    playTestSound(speakerDevice.value || undefined)
      .then(() => { speakerStatus.textContent = texts['speaker.played'] ?? ''; })
      .catch(() => { speakerStatus.textContent = texts['speaker.failed'] ?? ''; });
  });

  start.addEventListener('click', () => {
    start.disabled = true;
    void networkTest(page, texts, echoUrl, devices, progress).finally(() => {
      start.disabled = false;
      start.textContent = texts['network.again'] ?? start.textContent;
    });
  });

  async function openDevices(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      showProblem('unsupported');
      return;
    }
    let failure: unknown = null;
    for (const wanted of [{ video: true, audio: true }, { audio: true }, { video: true }]) {
      try {
        devices = await navigator.mediaDevices.getUserMedia(wanted);
        break;
      } catch (error) {
        failure ??= error;
      }
    }
    if (!devices) {
      showProblem(mediaProblem(failure));
      return;
    }
    el<HTMLVideoElement>('[data-camera-preview]').srcObject = devices;
    const stopLevel = watchLevel(devices, (value) => {
      bar.style.width = `${Math.round(value * 100)}%`;
      level.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    });
    window.addEventListener('pagehide', () => {
      stopLevel();
      devices?.getTracks().forEach((track) => track.stop());
    });
    await listSpeakers();
  }

  function showProblem(kind: string): void {
    problem.textContent = texts[`device.${kind}`] ?? '';
    problem.hidden = false;
  }

  /** Offers a choice of speakers where the browser can play to a chosen one; elsewhere the default plays. */
  async function listSpeakers(): Promise<void> {
    if (!('setSinkId' in AudioContext.prototype)) return;
    const outputs = (await navigator.mediaDevices.enumerateDevices())
      .filter((device) => device.kind === 'audiooutput' && device.deviceId !== '' && device.deviceId !== 'default'
        && device.label !== '');
    outputs.forEach((device) => speakerDevice.append(new Option(device.label, device.deviceId)));
    speakerChoice.hidden = outputs.length === 0;
  }
}

/** Runs one echo test and shows its measurements and verdict. */
async function networkTest(page: HTMLElement, texts: Texts, echoUrl: string, devices: MediaStream | null,
  progress: HTMLElement): Promise<void> {
  const result = page.querySelector<HTMLElement>('[data-network-result]')!;
  const verdictElement = page.querySelector<HTMLElement>('[data-verdict]')!;
  const echoFigure = page.querySelector<HTMLElement>('[data-echo-figure]')!;
  result.hidden = true;
  verdictElement.hidden = true;
  page.dataset.network = 'running';
  progress.textContent = texts['network.connecting'] ?? '';
  const sending = new Outgoing(devices);
  const connection = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  let session: string | null = null;
  const end = (): void => {
    if (session) void fetch(`${echoUrl}/${encodeURIComponent(session)}`, { method: 'DELETE', keepalive: true });
    session = null;
  };
  window.addEventListener('pagehide', end, { once: true });
  try {
    const stream = sending.stream();
    stream.getTracks().forEach((track) => connection.addTransceiver(track, { direction: 'sendrecv', streams: [stream] }));
    connection.addEventListener('track', (event) => {
      if (event.track.kind !== 'video') return;
      page.querySelector<HTMLVideoElement>('[data-echo-video]')!.srcObject = new MediaStream([event.track]);
      echoFigure.hidden = false;
    });
    await connection.setLocalDescription(await connection.createOffer());
    const answered = await offer(echoUrl, connection.localDescription?.sdp ?? '');
    if ('refused' in answered) {
      show(answered.refused, null, undefined, answered.minutes);
      return;
    }
    session = answered.session;
    const media = answerCandidate(answered.answer)
      ?? { address: window.location.hostname, port: 0 };
    await connection.setRemoteDescription({ type: 'answer', sdp: answered.answer });
    const stats = async (): Promise<Sample> => sample(
      [...(await connection.getStats()).values()] as Parameters<typeof sample>[0], Date.now());

    let first = await waitFor(stats, (s) => s.connected && connection.connectionState === 'connected', CONNECT_MS,
      () => connection.connectionState === 'failed');
    if (first.connected && connection.connectionState === 'connected') {
      first = await waitFor(stats, (s) => s.packetsReceived > 0, MEDIA_MS, () => false);
    }
    if (first.packetsReceived === 0) {
      show('none', measure(first, first), media);
      return;
    }
    let last = first;
    for (let left = MEASURE_SECONDS; left > 0; left--) {
      progress.textContent = format(texts, 'network.measuring', left);
      await pause(1000);
      last = await stats();
      fill(measure(first, last));
    }
    show(verdict(measure(first, last)), measure(first, last), media);
  } catch {
    show('invalid', null);
  } finally {
    // the echo ends with the connection, and a black box would look like a broken camera: the picture goes, and its
    // width stays on the page for whoever asks what came back (the result above says how it went)
    const echoVideo = page.querySelector<HTMLVideoElement>('[data-echo-video]')!;
    echoFigure.dataset.echoedWidth = String(echoVideo.videoWidth);
    echoFigure.hidden = true;
    echoVideo.srcObject = null;
    connection.close();
    sending.stop();
    end();
  }

  function fill(m: Measurement): void {
    const value = (key: string, content: string): void => {
      page.querySelector<HTMLElement>(`[data-measure=${key}]`)!.textContent = content;
    };
    const unknown = texts['network.unknown'] ?? '';
    value('transport', m.transport.kind === 'relay'
      ? format(texts, 'network.transport.relay', m.transport.protocol.toUpperCase())
      : texts[`network.transport.${m.transport.kind}`] ?? m.transport.kind);
    value('rtt', m.roundTripMs === null ? unknown : format(texts, 'network.ms', m.roundTripMs));
    const decimal = new Intl.NumberFormat(document.documentElement.lang || undefined,
      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    value('loss', m.lossPercent === null ? unknown : format(texts, 'network.percent', decimal.format(m.lossPercent)));
    value('bitrate', format(texts, 'network.kbps', m.kbps));
    result.hidden = false;
  }

  function show(outcome: Verdict | Refusal, m: Measurement | null, media?: { address: string; port: number },
    retryMinutes = 1): void {
    if (m) fill(m);
    progress.textContent = '';
    // with no connection the IT department must open every port of the SFU's packet loops, not the one tried
    verdictElement.textContent = format(texts, `verdict.${outcome}`,
      media ? page.dataset.mediaPorts ?? media.port : retryMinutes,
      media?.address ?? '');
    verdictElement.className = `alert ${outcome === 'video' ? 'ok' : outcome === 'audio' || outcome === 'weak'
      || outcome === 'busy' || outcome === 'rate-limited' ? 'warning' : 'error'}`;
    verdictElement.hidden = false;
    // on a phone the verdict lands below the fold: bring the answer to the person who asked
    verdictElement.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    page.dataset.network = 'done';
    page.dataset.outcome = outcome;
  }

  async function offer(url: string, sdp: string): Promise<EchoAnswer | { refused: Refusal; minutes: number }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ offer: sdp }),
      });
    } catch {
      return { refused: 'unreachable', minutes: 0 };
    }
    if (response.ok) return (await response.json()) as EchoAnswer;
    const refusal = (await response.json().catch(() => ({}))) as { reason?: string; retryAfterSeconds?: number };
    const minutes = Math.max(1, Math.ceil((refusal.retryAfterSeconds ?? 60) / 60));
    const known: Refusal[] = ['rate-limited', 'busy', 'invalid'];
    const reason = known.find((r) => r === refusal.reason) ?? 'unreachable';
    return { refused: reason, minutes };
  }
}

/** Polls until {@code done} holds, {@code failed} says it never will, or {@code ms} pass; returns the last sample. */
async function waitFor(read: () => Promise<Sample>, done: (s: Sample) => boolean, ms: number,
  failed: () => boolean): Promise<Sample> {
  const until = Date.now() + ms;
  let last = await read();
  while (!done(last) && !failed() && Date.now() < until) {
    await pause(250);
    last = await read();
  }
  return last;
}

/**
 * What the test sends: the devices' tracks, or, for a person without camera or microphone (or who refused them),
 * a drawn picture and a quiet tone, so the connection can be tested anyway.
 */
class Outgoing {
  private readonly made: Array<() => void> = [];

  constructor(private readonly devices: MediaStream | null) {}

  stream(): MediaStream {
    const tracks: MediaStreamTrack[] = [];
    tracks.push(this.devices?.getAudioTracks()[0] ?? this.tone());
    tracks.push(this.devices?.getVideoTracks()[0] ?? this.picture());
    return new MediaStream(tracks);
  }

  stop(): void {
    this.made.forEach((stop) => stop());
    this.made.length = 0;
  }

  private tone(): MediaStreamTrack {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    gain.gain.value = 0.05;
    const destination = context.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    this.made.push(() => void context.close());
    return destination.stream.getAudioTracks()[0];
  }

  private picture(): MediaStreamTrack {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d')!;
    // a moving bar: a still picture would be sent at almost no bitrate and look like a weak connection
    let x = 0;
    const timer = window.setInterval(() => {
      context.fillStyle = '#0b4f8a';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#ffbf47';
      context.fillRect(x, 0, 80, canvas.height);
      x = (x + 16) % canvas.width;
    }, 1000 / 15);
    const track = canvas.captureStream(15).getVideoTracks()[0];
    this.made.push(() => {
      window.clearInterval(timer);
      track.stop();
    });
    return track;
  }
}
