// The meeting's video elements: a tile per remote video (kept while its key lives, so playback never restarts
// for a re-layout), the stage, the viewer's own preview, and one hidden <audio> per audio receive slot.
import type { Layout, Tile } from './stage-layout';
import type { Texts } from './texts';
import { useChosenSpeaker } from './prejoin';

export interface TileLabel {
  name: string;
  microphone?: boolean;
  camera?: boolean;
}

function figure(texts: Texts): HTMLElement {
  const element = document.createElement('figure');
  element.className = 'tile';
  const video = document.createElement('video');
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  const caption = document.createElement('figcaption');
  const name = document.createElement('span');
  name.dataset.name = '';
  const muted = document.createElement('span');
  muted.className = 'muted-mark';
  muted.dataset.muted = '';
  muted.setAttribute('role', 'img');
  muted.setAttribute('aria-label', texts.microphoneOff ?? '');
  muted.textContent = '🔇';
  muted.hidden = true;
  caption.append(name, ' ', muted);
  element.append(video, caption);
  return element;
}

function label(element: HTMLElement, what: TileLabel): void {
  element.querySelector<HTMLElement>('[data-name]')!.textContent = what.name;
  element.querySelector<HTMLElement>('[data-muted]')!.hidden = what.microphone !== false;
  element.classList.toggle('camera-off', what.camera === false);
}

/** Shows a track in a tile's video, touching srcObject only when the track really changed. */
function play(element: HTMLElement, track: MediaStreamTrack | null): void {
  const video = element.querySelector('video')!;
  const current = (video.srcObject as MediaStream | null)?.getTracks()[0] ?? null;
  if (current === track) return;
  video.srcObject = track ? new MediaStream([track]) : null;
}

export class TileBoard {
  private readonly tiles = new Map<string, HTMLElement>();
  private self: HTMLElement | null = null;

  constructor(
    private readonly stage: HTMLElement,
    private readonly grid: HTMLElement,
    private readonly audio: HTMLElement,
    private readonly alone: HTMLElement | null,
    private readonly texts: Texts,
  ) {}

  render(
    tiles: Tile[],
    layout: Layout,
    track: (mid: string) => MediaStreamTrack | null,
    describe: (tile: Tile) => TileLabel,
    speaker: string | null,
  ): void {
    const wanted = new Map(tiles.map((tile) => [tile.key, tile]));
    for (const [key, element] of this.tiles) {
      if (!wanted.has(key)) {
        element.remove();
        this.tiles.delete(key);
      }
    }
    for (const tile of tiles) {
      let element = this.tiles.get(tile.key);
      if (!element) {
        element = figure(this.texts);
        element.dataset.tile = tile.participantId;
        element.dataset.source = tile.source;
        this.tiles.set(tile.key, element);
      }
      play(element, track(tile.mid));
      label(element, describe(tile));
      element.toggleAttribute('data-speaker', tile.source === 'camera' && tile.participantId === speaker);
    }
    const onStage = layout.stage ? this.tiles.get(layout.stage) : undefined;
    if (onStage) {
      if (onStage.parentElement !== this.stage) this.stage.replaceChildren(onStage);
    } else {
      this.stage.replaceChildren();
    }
    this.stage.hidden = !onStage;
    // appending moves the elements in order; a moved <video> keeps playing
    const order = layout.tiles.map((key) => this.tiles.get(key)).filter((element) => element !== undefined);
    this.grid.append(...order, ...(this.self ? [this.self] : []));
    if (this.alone) this.alone.hidden = tiles.length > 0;
  }

  /** The viewer's own camera (or blurred camera), muted, never on the stage. */
  showSelf(track: MediaStreamTrack | null, what: TileLabel): void {
    if (!this.self) {
      this.self = figure(this.texts);
      this.self.dataset.selfView = '';
      this.self.classList.add('self');
      this.grid.append(this.self);
    }
    play(this.self, track);
    label(this.self, what);
  }

  /** A hidden player for one audio receive slot: it plays whatever the SFU forwards into that slot. */
  addAudio(track: MediaStreamTrack): void {
    const player = document.createElement('audio');
    player.autoplay = true;
    player.srcObject = new MediaStream([track]);
    useChosenSpeaker(player);
    this.audio.append(player);
    player.play().catch(() => undefined);
  }

  /** Retries players the browser kept silent for want of a user gesture; called on any click in the room. */
  resumeAudio(): void {
    this.audio.querySelectorAll('audio').forEach((player) => {
      if (player.paused) player.play().catch(() => undefined);
    });
  }

  clear(): void {
    this.tiles.forEach((element) => element.remove());
    this.tiles.clear();
    this.self?.remove();
    this.self = null;
    this.audio.replaceChildren();
    this.stage.replaceChildren();
    this.stage.hidden = true;
    if (this.alone) this.alone.hidden = false;
  }
}
