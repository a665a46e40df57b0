// The meeting's video elements: a tile per remote video (kept while its key lives, so playback never restarts
// for a re-layout), the stage, the viewer's own preview, and one hidden <audio> per audio receive slot.
// Each tile's caption: the name, the identity (a host's view), marks for a muted microphone, a raised hand and the
// connection, and a button that pins the participant to the stage.
import { icon } from './icons';
import type { Quality } from './room-layout';
import type { Layout, Tile } from './stage-layout';
import { format, type Texts } from './texts';
import { useChosenSpeaker } from './prejoin';

export interface TileLabel {
  name: string;
  microphone?: boolean;
  camera?: boolean;
  /** The identity line, shown to hosts only. */
  identity?: string;
  /** The place in the hand queue, when the hand is up. */
  hand?: number | null;
  pinned?: boolean;
  /** The SFU has heard nothing from them for seconds: their network is gone, their browser reconnecting. */
  connectionLost?: boolean;
}

function mark(name: string, className: string, data: string): HTMLElement {
  const element = document.createElement('span');
  element.className = `mark ${className}`;
  element.dataset[data] = '';
  element.setAttribute('role', 'img');
  element.append(icon(name));
  element.hidden = true;
  return element;
}

function figure(texts: Texts, pin: ((element: HTMLElement) => void) | null): HTMLElement {
  const element = document.createElement('figure');
  element.className = 'tile';
  const video = document.createElement('video');
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  const caption = document.createElement('figcaption');
  const name = document.createElement('span');
  name.className = 'tile-name';
  name.dataset.name = '';
  const identity = document.createElement('span');
  identity.className = 'tile-identity';
  identity.dataset.identity = '';
  identity.hidden = true;
  const muted = mark('mic-off', 'muted-mark', 'muted');
  muted.setAttribute('aria-label', texts.microphoneOff ?? '');
  const hand = mark('hand', 'hand-mark', 'handMark');
  const handPlace = document.createElement('span');
  hand.append(handPlace);
  const quality = mark('signal', 'quality', 'quality');
  caption.append(muted, name, identity, hand, quality);
  const lost = document.createElement('p');
  lost.className = 'tile-lost';
  lost.dataset.lost = '';
  lost.setAttribute('role', 'status');
  lost.textContent = texts.connectionLostTile ?? '';
  lost.hidden = true;
  element.append(video, lost, caption);
  if (pin) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pin';
    button.dataset.pin = '';
    button.setAttribute('aria-pressed', 'false');
    button.append(icon('pin'));
    button.addEventListener('click', () => pin(element));
    element.append(button);
  }
  return element;
}

function label(element: HTMLElement, what: TileLabel, texts: Texts): void {
  element.querySelector<HTMLElement>('[data-name]')!.textContent = what.name;
  element.querySelector<HTMLElement>('[data-muted]')!.hidden = what.microphone !== false;
  const identity = element.querySelector<HTMLElement>('[data-identity]')!;
  identity.textContent = what.identity ?? '';
  identity.hidden = !what.identity;
  const hand = element.querySelector<HTMLElement>('[data-hand-mark]')!;
  hand.hidden = !what.hand;
  hand.setAttribute('aria-label', what.hand ? format(texts, 'hand', what.hand) : '');
  hand.lastElementChild!.textContent = what.hand ? String(what.hand) : '';
  element.classList.toggle('camera-off', what.camera === false);
  element.querySelector<HTMLElement>('[data-lost]')!.hidden = !what.connectionLost;
  element.classList.toggle('connection-lost', Boolean(what.connectionLost));
  const pin = element.querySelector<HTMLElement>('[data-pin]');
  if (pin) {
    pin.setAttribute('aria-pressed', String(Boolean(what.pinned)));
    pin.setAttribute('aria-label', format(texts, what.pinned ? 'unpin' : 'pin', what.name));
    pin.title = pin.getAttribute('aria-label') ?? '';
  }
}

/** Shows a track in a tile's video, touching srcObject only when the track really changed. */
function play(element: HTMLElement, track: MediaStreamTrack | null): void {
  const video = element.querySelector('video')!;
  const current = (video.srcObject as MediaStream | null)?.getTracks()[0] ?? null;
  if (current === track) return;
  video.srcObject = track ? new MediaStream([track]) : null;
}

/** Plays the tile's video again if the browser paused it. */
function resume(element: HTMLElement): void {
  const video = element.querySelector('video');
  if (video?.srcObject && video.paused) void Promise.resolve(video.play()).catch(() => undefined);
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
    /** Pin or unpin the participant of a tile (its data-tile). */
    private readonly onPin: ((participantId: string) => void) | null = null,
  ) {}

  /**
   * Draws the tiles: `layout.stage` on the stage, `layout.tiles` in order in the grid or strip, the own preview
   * last. A tile in neither (another page) is kept, off screen, so its video does not restart.
   */
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
        element = figure(this.texts, this.onPin && tile.source === 'camera' ? (figureElement) => this.onPin?.(figureElement.dataset.tile ?? '') : null);
        element.dataset.tile = tile.participantId;
        element.dataset.source = tile.source;
        this.tiles.set(tile.key, element);
      }
      play(element, track(tile.mid));
      label(element, describe(tile), this.texts);
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
    for (const child of [...this.grid.children]) {
      if (child !== this.self && !order.includes(child as HTMLElement)) child.remove();
    }
    // the browser pauses a video taken out of the page (a tile on another page of the grid); put back, it would
    // keep its last frame, or none, for good
    for (const element of onStage ? [onStage, ...order] : order) resume(element);
    if (this.alone) this.alone.hidden = tiles.length > 0;
  }

  /** The viewer's own camera (or blurred camera), muted, never on the stage. */
  showSelf(track: MediaStreamTrack | null, what: TileLabel): void {
    if (!this.self) {
      this.self = figure(this.texts, null);
      this.self.dataset.selfView = '';
      this.self.classList.add('self');
      this.grid.append(this.self);
    }
    play(this.self, track);
    label(this.self, what, this.texts);
  }

  /** The tiles of a participant (camera and screen), or the own preview for `null`. */
  private elementsOf(participantId: string | null): HTMLElement[] {
    if (participantId === null) return this.self ? [this.self] : [];
    return [...this.tiles.values()].filter((element) => element.dataset.tile === participantId);
  }

  /** The speaking ring, from the participant's audio level. */
  speaking(participantId: string | null, speaking: boolean): void {
    for (const element of this.elementsOf(participantId)) {
      if (element.dataset.source !== 'screen') element.toggleAttribute('data-speaking', speaking);
    }
  }

  /** The connection mark: its quality and, in words, the figures behind it. */
  connection(participantId: string | null, quality: Quality, figures: string): void {
    for (const element of this.elementsOf(participantId)) {
      const mark = element.querySelector<HTMLElement>('[data-quality]');
      if (!mark) continue;
      mark.hidden = false;
      mark.dataset.level = quality;
      const words = format(this.texts, `quality.${quality}`, figures);
      mark.setAttribute('aria-label', words);
      mark.title = words;
    }
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
