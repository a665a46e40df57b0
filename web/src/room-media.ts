// The meeting room's media: the connection (media.ts), the tab's own devices (local-media.ts), the tiles
// (tiles.ts, laid out by stage-layout.ts) and the buttons that control them. meeting-room.ts hands it the
// signaling messages about media and the roster.
import { Badge, identityLine, shownName } from './badges';
import { watchLevel } from './devices/level-meter';
import { LocalMedia, mediaStateMessage } from './local-media';
import { MediaSession, parseStreams, pathSilentMs, StreamInfo } from './media';
import { loadChoice } from './prejoin';
import type { ClientMessage, Renegotiate } from './protocol';
import { chooseLayout, followed, layersMessage, layerWishes, Tile, tilesFromStreams } from './stage-layout';
import { gridShape, lossBetween, pageOf, quality, SpeechWhileMuted, TILES_PER_PAGE } from './room-layout';
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

/** A level above this is someone speaking (the ring on their tile). */
const SPEAKING = 0.1;

/** How long a connection may stay "disconnected" (often a moment's loss) before we restart ICE ourselves. */
const DISCONNECTED_GRACE_MS = 3000;
/** A path that carried nothing for this long is lost (ICE's consent checks answer every few seconds). */
const SILENT_PATH_MS = 6000;
/**
 * A path quiet for this long while we send (media comes back many times a second in a meeting) may mean the device
 * changed network: the signaling socket is asked to prove it lives, long before the path counts as lost, so that a
 * dead one is replaced in time to carry the ICE restart.
 */
const QUIET_PATH_MS = 1000;
/** How often the connection's statistics are read: quality marks, a quiet or silent path. */
const MEASURE_MS = 1000;

/** What the room's other parts hear from the media: pages of tiles and speech on a muted microphone. */
export interface RoomMediaEvents {
  paged(page: number, pages: number): void;
  mutedSpeech(speaking: boolean): void;
  /** The media connection was lost (true) and is being reconnected, or is back (false). */
  connectionLost?(lost: boolean): void;
  /** The path has been quiet for a moment while we send: the network may have changed under the page. */
  pathQuiet?(): void;
}

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
  private pinned: string | null = null;
  private page = 0;
  /** Whether the viewer hosts the meeting: hosts see each tile's identity. */
  host = false;
  private stopOwnLevel: (() => void) | null = null;
  private readonly mutedSpeech = new SpeechWhileMuted();
  private statsTimer: number | undefined;
  private lastCounters = new Map<string, { lost: number; received: number }>();
  /** The slots of the last `layers` message sent on this connection, to send only changes. */
  private layersSent: string | null = null;
  // kept across a reconnect, which opens the devices anew
  private wanted = { microphone: true, camera: true, blur: false };
  private readonly busy = new Set<Toggle>();
  private readonly board: TileBoard;
  private readonly buttons = new Map<Toggle, HTMLButtonElement>();
  /** The relay credentials of the latest state, for an ICE restart. */
  private iceServers: RTCIceServer[] = [];
  private restartTimer: number | undefined;
  // invariant: true from the moment the signaling socket came back until the state says we are in and the
  // connection has offered again with new ICE credentials (the network may have changed meanwhile)
  private restartPending = false;
  /** Whether the last stats found the path silent: the notice is up and ICE was restarted once for it. */
  private silent = false;
  /** Packets sent so far, from the last stats: whether we are sending, so the SFU's reports should come back. */
  private packetsSent = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly texts: Texts,
    private readonly send: (message: ClientMessage) => void,
    private readonly say: (text: string) => void,
    private readonly events: RoomMediaEvents = { paged: () => undefined, mutedSpeech: () => undefined },
  ) {
    this.board = new TileBoard(root.querySelector('[data-stage]')!, root.querySelector('[data-tiles]')!,
      root.querySelector('[data-remote-audio]')!, root.querySelector('[data-alone]'), texts, (participantId) => {
        this.pinned = this.pinned === participantId ? null : participantId;
        this.renderTiles();
      });
    const area = root.querySelector<HTMLElement>('[data-media-area]');
    if (area && 'ResizeObserver' in window) new ResizeObserver(() => this.fit()).observe(area);
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
    this.iceServers = iceServers;
    this.restartPending = false;
    const session = new MediaSession({
      send: this.send,
      answered: (streams, first) => this.onAnswer(streams, first),
      receiverAdded: (transceiver, kind) => {
        if (kind === 'audio') this.board.addAudio(transceiver.receiver.track);
      },
      connection: (state) => this.onConnection(session, state),
      startOver: () => {
        if (this.session === session) this.startOver();
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
    this.watchOwnLevel();
    window.clearInterval(this.statsTimer);
    this.statsTimer = window.setInterval(() => void this.measure(), MEASURE_MS);
  }

  /**
   * The signaling socket is back after a drop: an offer sent meanwhile got no answer, and the network may have
   * changed, so the connection offers again with new ICE credentials once the state says we are still in.
   */
  async signalingBack(): Promise<void> {
    if (!this.session) return;
    await this.session.refused();
    this.restartPending = true;
  }

  /**
   * A spare socket took over from one whose network is gone (a phone moved from Wi-Fi to 4G), while the server kept
   * us in the meeting: the offer with new ICE credentials goes out over it at once instead of after its state (the
   * server reads a socket's messages only once it has set the socket up, so the offer cannot overtake that).
   */
  async socketReplaced(): Promise<void> {
    if (!this.session) return;
    await this.session.refused();
    this.restartPending = false;
    await this.session.restartIce(this.iceServers);
  }

  /** A state that finds us in the meeting with media started: finishes a restart the socket's return asked for. */
  async resume(iceServers: RTCIceServer[]): Promise<void> {
    if (iceServers.length > 0) this.iceServers = iceServers;
    if (!this.session || !this.restartPending) return;
    this.restartPending = false;
    await this.session.restartIce(this.iceServers);
  }

  /** A path silent for too long is treated as lost at once: the notice, and an ICE restart. */
  private watchSilence(session: MediaSession, silentMs: number | null): void {
    if (silentMs !== null && silentMs > QUIET_PATH_MS) this.events.pathQuiet?.();
    const silent = silentMs !== null && silentMs > SILENT_PATH_MS;
    if (silent === this.silent) return;
    this.silent = silent;
    this.judgeConnection(session);
    // a restart begun meanwhile (the signaling socket replaced after a network change) is still looking for the
    // new path: a second one now would throw its checks away and start them again
    if (silent && !session.restartedWithin(SILENT_PATH_MS)) void session.restartIce(this.iceServers);
  }

  private onConnection(session: MediaSession, state: RTCPeerConnectionState): void {
    if (this.session !== session) return;
    window.clearTimeout(this.restartTimer);
    this.judgeConnection(session);
    if (state === 'failed') {
      void session.restartIce(this.iceServers);
    } else if (state === 'disconnected') {
      this.restartTimer = window.setTimeout(() => {
        if (this.session === session && session.pc.connectionState === 'disconnected') {
          void session.restartIce(this.iceServers);
        }
      }, DISCONNECTED_GRACE_MS);
    }
  }

  /**
   * The one place that says whether media is lost: the browser's connection state, or a path silent while we send
   * (a connection can stay "connected" for many seconds after the network went).
   */
  private judgeConnection(session: MediaSession): void {
    const state = session.pc.connectionState;
    this.root.dataset.mediaConnection = this.silent && state === 'connected' ? 'silent' : state;
    this.events.connectionLost?.(state === 'disconnected' || state === 'failed' || this.silent);
  }

  /** Turns the page of tiles by `delta`. */
  turnPage(delta: number): void {
    this.page = Math.max(0, this.page + delta);
    this.renderTiles();
  }

  stop(): void {
    window.clearInterval(this.statsTimer);
    window.clearTimeout(this.restartTimer);
    this.restartPending = false;
    this.silent = false;
    this.packetsSent = 0;
    if (this.session) this.events.connectionLost?.(false);
    delete this.root.dataset.mediaConnection;
    this.stopOwnLevel?.();
    this.stopOwnLevel = null;
    window.clearInterval(this.remoteLevelTimer);
    this.remoteLevelTimer = undefined;
    this.speakingNow.clear();
    this.lastCounters.clear();
    this.events.mutedSpeech(false);
    this.local?.close();
    this.session?.close();
    this.local = null;
    this.session = null;
    this.streams = [];
    this.board.clear();
    this.renderControls();
  }

  async answer(sdp: string, streams: unknown, joined = false): Promise<void> {
    await this.session?.answer(sdp, parseStreams(streams), joined);
  }

  /** A new connection in place of this one (the SFU no longer knows it); nothing without media started. */
  startOver(): void {
    if (!this.session) return;
    this.stop();
    void this.start(this.iceServers);
  }

  async renegotiate(message: Renegotiate): Promise<void> {
    await this.session?.receive({ audio: message.audio, video: message.video });
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
    this.watchRemoteLevels();
  }

  private localChanged(): void {
    if (!this.local) return;
    if (this.answered) this.send(mediaStateMessage(this.local.state));
    this.renderSelf();
    this.renderControls();
    this.watchOwnLevel();
  }

  /**
   * The own microphone's level, from a copy of its track that stays on while the sent one is muted: the ring on
   * the own tile while on, the "you are muted" hint when the level says speech while off.
   */
  private watchOwnLevel(): void {
    const microphone = this.local?.microphoneTrack ?? null;
    if (this.stopOwnLevel && this.watchedMicrophone === microphone) return;
    this.stopOwnLevel?.();
    this.stopOwnLevel = null;
    this.watchedMicrophone = microphone;
    if (!microphone) return;
    const copy = microphone.clone();
    copy.enabled = true;
    const stop = watchLevel(new MediaStream([copy]), (level) => {
      const on = this.local?.state.microphone ?? false;
      this.board.speaking(null, on && level > SPEAKING);
      if (on) this.mutedSpeech.reset();
      this.events.mutedSpeech(!on && this.mutedSpeech.add(level));
    });
    this.stopOwnLevel = () => {
      stop();
      copy.stop();
    };
  }

  private watchedMicrophone: MediaStreamTrack | null = null;

  /**
   * The speaking ring on the others' tiles, from the audio level the browser already knows of each received stream
   * (RTP's audio level, via getSynchronizationSources): five looks a second, no audio processing of our own.
   */
  private watchRemoteLevels(): void {
    if (this.remoteLevelTimer !== undefined) return;
    this.remoteLevelTimer = window.setInterval(() => {
      const speaking = new Set<string>();
      for (const stream of this.streams) {
        if (stream.kind !== 'audio') continue;
        const receiver = this.session?.receiverFor(stream.mid)?.receiver;
        const sources = receiver?.getSynchronizationSources?.() ?? [];
        // without the RTP audio level the decoder's own (getStats, every 2 s) stands in
        const level = sources.some((source) => source.audioLevel !== undefined)
          ? sources.reduce((loudest, source) => Math.max(loudest, source.audioLevel ?? 0), 0)
          : this.statsLevels.get(stream.mid) ?? 0;
        if (level > SPEAKING / 2) speaking.add(stream.participantId);
      }
      for (const participantId of new Set([...this.speakingNow, ...speaking])) {
        if (this.speakingNow.has(participantId) !== speaking.has(participantId)) this.board.speaking(participantId, speaking.has(participantId));
      }
      this.speakingNow = speaking;
    }, 200);
  }

  private remoteLevelTimer: number | undefined;
  private readonly statsLevels = new Map<string, number>();
  private speakingNow = new Set<string>();

  /** Connection quality per participant from getStats: loss and frame rate of what arrives, the round trip. */
  private async measure(): Promise<void> {
    const session = this.session;
    if (!session || !this.answered) return;
    const report = await session.pc.getStats();
    let rtt: number | null = null;
    const inbound = new Map<string, RTCInboundRtpStreamStats>();
    let ownLoss = 0;
    let ownRtt: number | null = null;
    let selectedPair: string | undefined;
    let packetsSent = 0;
    report.forEach((entry: { type: string; [key: string]: unknown }) => {
      if (entry.type === 'outbound-rtp' && typeof entry.packetsSent === 'number') packetsSent += entry.packetsSent;
      if (entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string') selectedPair = entry.selectedCandidatePairId;
      if (entry.type === 'candidate-pair' && (entry.nominated || entry.selected) && typeof entry.currentRoundTripTime === 'number') {
        rtt = Math.round(entry.currentRoundTripTime * 1000);
      }
      if (isInboundRtp(entry) && typeof entry.mid === 'string') inbound.set(entry.mid, entry);
      if (entry.type === 'remote-inbound-rtp') {
        if (typeof entry.fractionLost === 'number') ownLoss = Math.max(ownLoss, entry.fractionLost);
        if (typeof entry.roundTripTime === 'number') ownRtt = Math.round(entry.roundTripTime * 1000);
      }
    });
    if (this.session !== session) return;
    // only a tab that sends expects something back every second (the SFU's receiver reports): one that sends and
    // receives nothing (everyone's camera and microphone off) has a quiet path, not a lost one
    const sending = packetsSent > this.packetsSent;
    this.packetsSent = packetsSent;
    this.watchSilence(session, sending ? pathSilentMs(selectedPair ? report.get(selectedPair) : undefined) : null);
    const people = new Map<string, { loss: number; fps: number | null }>();
    for (const stream of this.streams) {
      const stats = inbound.get(stream.mid);
      if (!stats) continue;
      if (stream.kind === 'audio') this.statsLevels.set(stream.mid, (stats as { audioLevel?: number }).audioLevel ?? 0);
      const counters = { lost: stats.packetsLost ?? 0, received: stats.packetsReceived ?? 0 };
      const loss = lossBetween(this.lastCounters.get(stream.mid), counters);
      this.lastCounters.set(stream.mid, counters);
      const person = people.get(stream.participantId) ?? { loss: 0, fps: null };
      person.loss = Math.max(person.loss, loss);
      if (stream.kind === 'video' && stream.source === 'camera' && typeof stats.framesPerSecond === 'number') person.fps = stats.framesPerSecond;
      people.set(stream.participantId, person);
    }
    for (const [participantId, person] of people) {
      const figures = { loss: person.loss, rtt, fps: person.fps };
      this.board.connection(participantId, quality(figures), this.figures(figures));
    }
    const own = { loss: ownLoss, rtt: ownRtt ?? rtt, fps: null };
    this.board.connection(null, quality(own), this.figures(own));
  }

  private figures(figures: { loss: number; rtt: number | null; fps: number | null }): string {
    return format(this.texts, 'qualityFigures', Math.round(figures.loss * 100), figures.rtt ?? '–', figures.fps === null ? '–' : Math.round(figures.fps));
  }

  private renderSelf(): void {
    if (!this.local) return;
    const mine = this.you ? this.badges.get(this.you) : undefined;
    this.board.showSelf(this.local.preview, {
      name: mine ? `${shownName(mine, this.texts)} (${this.texts.you ?? ''})` : this.texts.you ?? '',
      microphone: this.local.state.microphone,
      camera: this.local.state.camera,
      hand: mine?.hand,
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
    const layout = chooseLayout(tiles, this.follow, this.grid, this.pinned);
    // at most 16 videos on screen: the own preview and 15 others a page
    const page = pageOf(layout.tiles, this.page, TILES_PER_PAGE - 1);
    this.page = page.page;
    this.events.paged(page.page, page.pages);
    this.board.render(tiles, { stage: layout.stage, tiles: page.items },
      (mid) => this.session?.receiverFor(mid)?.receiver.track ?? null, (tile) => this.describe(tile), this.dominant);
    this.fit();
    if (!this.answered) return;
    // the SFU sends the stage's video in its highest layer and each small tile in its lowest
    const message = layersMessage(layerWishes(tiles, layout), this.layersSent);
    if (message) {
      this.layersSent = JSON.stringify(message.slots);
      this.send(message);
    }
  }

  /**
   * Sizes the tiles to the window: with a stage the others form a strip (CSS); without one the grid gets the
   * columns that make its tiles largest.
   */
  private fit(): void {
    const area = this.root.querySelector<HTMLElement>('[data-media-area]');
    const grid = this.root.querySelector<HTMLElement>('[data-tiles]');
    const stage = this.root.querySelector<HTMLElement>('[data-stage]');
    if (!area || !grid || !stage) return;
    area.classList.toggle('with-stage', !stage.hidden);
    if (!stage.hidden) {
      grid.style.removeProperty('--columns');
      grid.style.removeProperty('--tile-width');
      return;
    }
    const pager = this.root.querySelector<HTMLElement>('[data-pager]');
    const height = area.clientHeight - (pager && !pager.hidden ? pager.offsetHeight + 8 : 0) - 16;
    const shape = gridShape(grid.childElementCount, area.clientWidth - 16, Math.max(60, height));
    grid.style.setProperty('--columns', String(shape.columns));
    grid.style.setProperty('--tile-width', `${shape.width}px`);
  }

  private describe(tile: Tile): TileLabel {
    const badge = this.badges.get(tile.participantId);
    const name = badge ? shownName(badge, this.texts) : this.texts.participant ?? '';
    if (tile.source === 'screen') return { name: format(this.texts, 'screenOf', name) };
    return {
      name,
      microphone: badge?.microphone ?? undefined,
      camera: badge?.camera ?? undefined,
      identity: this.host && badge ? identityLine(badge, this.texts) : undefined,
      hand: badge?.hand,
      pinned: this.pinned === tile.participantId,
      connectionLost: badge?.connectionLost,
    };
  }
}

/** A statistics entry of a received stream: the browser's report is untyped, its `type` says what each entry is. */
function isInboundRtp(entry: unknown): entry is RTCInboundRtpStreamStats {
  return (entry as { type?: unknown }).type === 'inbound-rtp';
}
