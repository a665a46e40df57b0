// The tab's own media: microphone, camera (optionally blurred) and a shared screen, each on its own sending
// transceiver of the MediaSession. Muting only disables the track (track.enabled), so unmuting needs no new offer.
import type { BlurredTrack } from './background-blur';
import type { MediaSession } from './media';
import type { MediaState } from './protocol';
import { constraints, MediaChoice, mediaProblem, MediaProblem } from './prejoin';

export interface OwnState {
  microphone: boolean;
  camera: boolean;
  screen: boolean;
  blur: boolean;
}

/** The `mediaState` message telling the others whether our microphone and camera are on. */
export function mediaStateMessage(state: OwnState): MediaState {
  return { type: 'mediaState', microphone: state.microphone, camera: state.camera };
}

export class LocalMedia {
  private microphone: MediaStreamTrack | null = null;
  private camera: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private blurred: BlurredTrack | null = null;
  private closed = false;

  constructor(
    private readonly session: MediaSession,
    private readonly choice: MediaChoice,
    private readonly changed: () => void,
  ) {}

  get state(): OwnState {
    return {
      microphone: Boolean(this.microphone?.enabled),
      camera: Boolean(this.camera?.enabled),
      screen: this.screen !== null,
      blur: this.blurred !== null,
    };
  }

  /** The microphone's track (muted or not), for the level meter; null without a microphone. */
  get microphoneTrack(): MediaStreamTrack | null {
    return this.microphone;
  }

  /** What the viewer sees of themself: what is sent, blurred or not. */
  get preview(): MediaStreamTrack | null {
    return this.blurred?.track ?? this.camera;
  }

  /**
   * Opens the devices chosen on the pre-join page and adds their transceivers before the first offer. A device
   * that fails is left out; the transceiver is there anyway, so it can be turned on later without a new offer.
   */
  async open(): Promise<MediaProblem | null> {
    let problem: MediaProblem | null = null;
    const take = async (what: MediaChoice): Promise<void> => {
      try {
        const stream = await navigator.mediaDevices.getUserMedia(constraints(what));
        this.microphone ??= stream.getAudioTracks()[0] ?? null;
        this.camera ??= stream.getVideoTracks()[0] ?? null;
      } catch (error) {
        problem = mediaProblem(error);
      }
    };
    if (this.choice.camera && this.choice.microphone) await take(this.choice);
    // both at once failed (or only one was asked for): try each alone, so a missing camera keeps the microphone
    if (this.choice.microphone && !this.microphone) await take({ ...this.choice, camera: false });
    if (this.choice.camera && !this.camera) await take({ ...this.choice, microphone: false });
    if (this.closed) {
      this.stopTracks();
      return null;
    }
    this.session.prepare('microphone', this.microphone);
    this.session.prepare('camera', this.camera);
    return this.microphone || this.camera || (!this.choice.camera && !this.choice.microphone) ? null : problem;
  }

  async setMicrophone(on: boolean): Promise<void> {
    if (on && !this.microphone) {
      this.microphone = await this.device('audio');
      await this.session.send('microphone', this.microphone);
    }
    if (this.microphone) this.microphone.enabled = on;
    this.changed();
  }

  async setCamera(on: boolean): Promise<void> {
    if (on && !this.camera) {
      this.camera = await this.device('video');
      await this.session.send('camera', this.camera);
    }
    if (this.camera) this.camera.enabled = on;
    if (this.blurred) this.blurred.track.enabled = on;
    this.changed();
  }

  /** Blur needs a camera: without one it is refused (the caller keeps the button off). */
  async setBlur(on: boolean): Promise<void> {
    if (on && this.camera && !this.blurred) {
      const { blurTrack } = await import('./background-blur');
      const blurred = await blurTrack(this.camera);
      if (this.closed || !this.camera) {
        blurred.stop();
        return;
      }
      blurred.track.enabled = this.camera.enabled;
      this.blurred = blurred;
      await this.session.send('camera', blurred.track);
    } else if (!on && this.blurred) {
      await this.session.send('camera', this.camera);
      this.blurred.stop();
      this.blurred = null;
    }
    this.changed();
  }

  async setScreen(on: boolean): Promise<void> {
    if (on && !this.screen) {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      const track = stream.getVideoTracks()[0];
      track.contentHint = 'detail';
      // the browser's own "stop sharing" button ends the track without going through our button
      track.addEventListener('ended', () => void this.setScreen(false));
      this.screen = track;
      await this.session.send('screen', track);
    } else if (!on && this.screen) {
      this.screen.stop();
      this.screen = null;
      await this.session.stopSending('screen');
    }
    this.changed();
  }

  close(): void {
    this.closed = true;
    this.stopTracks();
  }

  private async device(kind: 'audio' | 'video'): Promise<MediaStreamTrack> {
    const wanted = { ...this.choice, microphone: kind === 'audio', camera: kind === 'video' };
    const stream = await navigator.mediaDevices.getUserMedia(constraints(wanted));
    const track = stream.getTracks()[0];
    if (this.closed) track.stop();
    return track;
  }

  private stopTracks(): void {
    this.blurred?.stop();
    this.blurred = null;
    for (const track of [this.microphone, this.camera, this.screen]) track?.stop();
    this.microphone = this.camera = this.screen = null;
  }
}
