// The meeting room's media: the connection (media.ts), the tab's own devices (local-media.ts), the tiles
// (tiles.ts, laid out by stage-layout.ts) and the buttons that control them. meeting-room.ts hands it the
// signaling messages about media and the roster.
import { Badge, shownName } from './badges';
import { LocalMedia, mediaStateMessage } from './local-media';
import { MediaSession, parseStreams, StreamInfo } from './media';
import { loadChoice } from './prejoin';
import { chooseLayout, followed, layersMessage, layerWishes, Tile, tilesFromStreams } from './stage-layout';
import { TileBoard, TileLabel } from './tiles';
import { format, Texts } from './texts';

type Toggle = 'mic' | 'camera' | 'screen' | 'grid' | 'lowBandwidth' | 'blur';
const BUTTONS: Record<Toggle, string> = {
  mic: '[data-toggle-mic]',
  camera: '[data-toggle-camera]',
  screen: '[data-share-screen]',
  grid: '[data-grid]',
  lowBandwidth: '[data-low-bandwidth]',
  blur: '[data-blur]',
};

export class RoomMedia {
  private session: MediaSession | null = null;
  private local: LocalMedia | null = null;
  private answered = false;
  private streams: StreamInfo[] = [];
  private badges = new Map<string, Badge>();
  private you: string | null = null;
  private dominant: string | null = null;
  private follow: string | null = null;
  private grid = false;
  private lowBandwidth = false;
  /** The slots of the last `layers` message sent on this connection, to send only changes. */
  private layersSent: string | null = null;
  // kept across a reconnect, which opens the devices anew
  private wanted = { microphone: true, camera: true, blur: false };
  private readonly busy = new Set<Toggle>();
  private readonly board: TileBoard;
  private readonly buttons = new Map<Toggle, HTMLButtonElement>();

  constructor(
    private readonly root: HTMLElement,
    private readonly texts: Texts,
    private readonly send: (message: Record<string, unknown>) => void,
    private readonly say: (text: string) => void,
  ) {
    this.board = new TileBoard(root.querySelector('[data-stage]')!, root.querySelector('[data-tiles]')!,
      root.querySelector('[data-remote-audio]')!, root.querySelector('[data-alone]'), texts);
    for (const [toggle, selector] of Object.entries(BUTTONS) as Array<[Toggle, string]>) {
      const button = root.querySelector<HTMLButtonElement>(selector);
      if (!button) continue;
      this.buttons.set(toggle, button);
      button.addEventListener('click', () => void this.toggle(toggle));
    }
    // a tab that captures nothing may not autoplay sound until the user has clicked something
    root.addEventListener('click', () => this.board.resumeAudio(), { capture: true });
    this.renderControls();
  }

  /** The meeting's dominant speaker, as the SFU last said. */
  get speaker(): string | null {
    return this.dominant;
  }

  get started(): boolean {
    return this.session !== null;
  }

  async start(iceServers: RTCIceServer[] = []): Promise<void> {
    const session = new MediaSession({
      send: this.send,
      answered: (streams, first) => this.onAnswer(streams, first),
      receiverAdded: (transceiver, kind) => {
        if (kind === 'audio') this.board.addAudio(transceiver.receiver.track);
      },
    }, this.you, iceServers);
    this.session = session;
    this.answered = false;
    this.layersSent = null;
    const local = new LocalMedia(session, loadChoice(window.sessionStorage), () => this.localChanged());
    this.local = local;
    const problem = await local.open();
    if (this.session !== session) return;
    if (problem) this.say(this.texts.mediaFailed ?? '');
    if (!this.wanted.microphone) await local.setMicrophone(false);
    if (!this.wanted.camera) await local.setCamera(false);
    if (this.lowBandwidth) await session.setLowBandwidth(true);
    else await session.negotiate();
    this.localChanged();
    if (this.wanted.blur) void this.toggle('blur', true);
  }

  stop(): void {
    this.local?.close();
    this.session?.close();
    this.local = null;
    this.session = null;
    this.streams = [];
    this.board.clear();
    this.renderControls();
  }

  async answer(sdp: string, streams: unknown): Promise<void> {
    await this.session?.answer(sdp, parseStreams(streams));
  }

  async renegotiate(message: Record<string, unknown>): Promise<void> {
    await this.session?.receive({ audio: Number(message.audio ?? 0), video: Number(message.video ?? 0) });
  }

  async refused(): Promise<void> {
    await this.session?.refused();
  }

  speakerChanged(participantId: string): void {
    this.dominant = participantId;
    this.follow = followed(this.follow, participantId, this.you);
    this.root.querySelectorAll<HTMLElement>('[data-roster] [data-participant]').forEach((item) => {
      item.toggleAttribute('data-speaker', item.dataset.participant === participantId);
    });
    this.renderTiles();
  }

  /** The host turned our camera off. */
  async cameraOffByHost(): Promise<void> {
    this.wanted.camera = false;
    await this.local?.setCamera(false);
  }

  roster(you: string | null, badges: Badge[]): void {
    this.you = you;
    this.badges = new Map(badges.map((badge) => [badge.participantId, badge]));
    this.renderTiles();
    this.renderSelf();
  }

  private onAnswer(streams: StreamInfo[], first: boolean): void {
    this.streams = streams;
    this.answered = true;
    if (first) this.send(mediaStateMessage(this.local!.state));
    this.renderTiles();
  }

  private localChanged(): void {
    if (!this.local) return;
    if (this.answered) this.send(mediaStateMessage(this.local.state));
    this.renderSelf();
    this.renderControls();
  }

  private renderSelf(): void {
    if (!this.local) return;
    const mine = this.you ? this.badges.get(this.you) : undefined;
    this.board.showSelf(this.local.preview, {
      name: mine ? `${shownName(mine, this.texts)} (${this.texts.you ?? ''})` : this.texts.you ?? '',
      microphone: this.local.state.microphone,
      camera: this.local.state.camera,
    });
  }

  private async toggle(toggle: Toggle, force?: boolean): Promise<void> {
    if (this.busy.has(toggle)) return;
    const on = force ?? !this.pressed(toggle);
    this.busy.add(toggle);
    this.buttons.get(toggle)?.setAttribute('aria-busy', 'true');
    try {
      switch (toggle) {
        case 'mic':
          this.wanted.microphone = on;
          await this.local?.setMicrophone(on);
          break;
        case 'camera':
          this.wanted.camera = on;
          await this.local?.setCamera(on);
          // blur asked for while there was no camera starts with the camera
          if (on && this.wanted.blur && this.local && !this.local.state.blur) await this.local.setBlur(true);
          break;
        case 'screen':
          await this.local?.setScreen(on);
          break;
        case 'blur':
          this.wanted.blur = on;
          if (on && this.local && !this.local.preview) this.say(this.texts.blurNeedsCamera ?? '');
          await this.local?.setBlur(on);
          break;
        case 'grid':
          this.grid = on;
          this.renderTiles();
          break;
        case 'lowBandwidth':
          this.lowBandwidth = on;
          this.root.classList.toggle('low-bandwidth', on);
          await this.session?.setLowBandwidth(on);
          break;
      }
    } catch (error) {
      if (toggle === 'blur') this.wanted.blur = false;
      // closing the browser's screen picker is a choice, not a failure
      const cancelled = toggle === 'screen' && (error as { name?: string }).name === 'NotAllowedError';
      if (!cancelled) this.say(format(this.texts, 'toggleFailed', this.buttons.get(toggle)?.querySelector('[data-label]')?.textContent ?? toggle));
    } finally {
      this.busy.delete(toggle);
      this.buttons.get(toggle)?.removeAttribute('aria-busy');
      this.renderControls();
    }
  }

  private pressed(toggle: Toggle): boolean {
    const own = this.local?.state;
    switch (toggle) {
      case 'mic': return own ? own.microphone : this.wanted.microphone;
      case 'camera': return own ? own.camera : this.wanted.camera;
      case 'screen': return own?.screen ?? false;
      case 'blur': return own?.blur ?? false;
      case 'grid': return this.grid;
      case 'lowBandwidth': return this.lowBandwidth;
    }
  }

  private renderControls(): void {
    for (const [toggle, button] of this.buttons) button.setAttribute('aria-pressed', String(this.pressed(toggle)));
  }

  private renderTiles(): void {
    const tiles = tilesFromStreams(this.streams);
    const layout = chooseLayout(tiles, this.follow, this.grid);
    this.board.render(tiles, layout,
      (mid) => this.session?.receiverFor(mid)?.receiver.track ?? null, (tile) => this.describe(tile), this.dominant);
    if (!this.answered) return;
    // the SFU sends the stage's video in its highest layer and each small tile in its lowest
    const message = layersMessage(layerWishes(tiles, layout), this.layersSent);
    if (message) {
      this.layersSent = JSON.stringify(message.slots);
      this.send(message);
    }
  }

  private describe(tile: Tile): TileLabel {
    const badge = this.badges.get(tile.participantId);
    const name = badge ? shownName(badge, this.texts) : this.texts.participant ?? '';
    if (tile.source === 'screen') return { name: format(this.texts, 'screenOf', name) };
    return { name, microphone: badge?.microphone, camera: badge?.camera };
  }
}
