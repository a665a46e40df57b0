// Sends this tab's camera and microphone to Portvakt's SFU: one RTCPeerConnection, send-only, bundled on the
// SFU's single UDP port. Receiving others comes later (the SFU does not yet announce forwarded streams).
import { constraints, loadChoice, MediaChoice } from './prejoin';

/** Whether the tab should start publishing: it is in the meeting, has not started yet, and chose some device. */
export function shouldPublish(yourState: string | null, started: boolean, choice: MediaChoice): boolean {
  return yourState === 'IN_MEETING' && !started && (choice.camera || choice.microphone);
}

/** The signaling message carrying our offer. */
export function publishMessage(sdp: string | undefined): { type: 'publish'; sdp: string } {
  if (!sdp || !sdp.startsWith('v=0')) throw new Error('no local description to publish');
  return { type: 'publish', sdp };
}

declare global {
  interface Window {
    portvaktMedia?: { pc: RTCPeerConnection };
  }
}

/** One publishing connection per tab; `answer` hands the SFU's reply to it. */
export class MediaPublisher {
  private pc: RTCPeerConnection | null = null;
  private stream: MediaStream | null = null;

  constructor(private readonly send: (message: Record<string, unknown>) => void) {}

  get started(): boolean {
    return this.pc !== null;
  }

  async start(choice: MediaChoice = loadChoice(window.sessionStorage)): Promise<void> {
    if (this.pc) return;
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc = pc;
    window.portvaktMedia = { pc };
    this.stream = await navigator.mediaDevices.getUserMedia(constraints(choice));
    for (const track of this.stream.getTracks()) {
      pc.addTransceiver(track, { direction: 'sendonly', streams: [this.stream] });
    }
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send(publishMessage(pc.localDescription?.sdp));
  }

  async answer(sdp: string): Promise<void> {
    if (!this.pc || this.pc.signalingState !== 'have-local-offer') return;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  stop(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.pc?.close();
    this.pc = null;
    this.stream = null;
  }
}
