// One signaling socket per tab; reconnects on its own after a drop or a server restart, and stops for good
// when the server says "closed" (denied, removed, ended, left). What goes over it is typed in protocol.ts.
import { ClientMessage, parseServerMessage, ServerMessage } from './protocol';

export type { ClientMessage, ServerMessage };

/** Milliseconds to wait before reconnect attempt n (0-based): doubling from 0.5 s, at most 10 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(10000, 500 * 2 ** Math.max(0, attempt));
}

/** Turns a same-origin path into a ws:// or wss:// URL for the page's origin. */
export function socketUrl(path: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** How often an open socket pings, and how long it may stay silent before it is taken for dead. */
export const PING_INTERVAL_MS = 10000;
export const SILENT_SOCKET_MS = 25000;
/** How long a probe waits for any answer (a pong at the latest) before the socket is taken for dead. */
export const PROBE_MS = 3000;
/**
 * How long a new socket may take to open before the next one is tried: one opened while the network was down keeps
 * waiting on TCP's own retries (seconds apart, growing) long after the network is back.
 */
export const CONNECT_MS = 8000;
/** How long after one spare socket a probe may open the next: a quiet media path asks for a probe every second. */
export const SPARE_EVERY_MS = 10000;

export class Signaling {
  private socket: WebSocket | null = null;
  /**
   * A second socket a probe opens at once, over whatever network the device has now. If it opens before the old
   * socket answers, the old one was on a network that is gone (a phone moved from Wi-Fi to 4G): the spare is kept
   * and the 3 s a probe would wait are saved. If the old socket answers first, the spare is closed.
   */
  private spare: WebSocket | null = null;
  private lastSpareAt = -Infinity;
  private attempt = 0;
  private finished = false;
  private pingTimer: number | undefined;
  private probeTimer: number | undefined;
  private connectTimer: number | undefined;
  /** Whether the page was last told the socket is up: each change is told once, not every failed attempt. */
  private up = false;
  private lastHeard = 0;
  private heardSinceProbe = false;

  constructor(
    private readonly url: string,
    private readonly onMessage: (message: ServerMessage) => void,
    /** Each change of the socket's state; `replaced` when a spare took over from a socket whose network was gone. */
    private readonly onConnection: (up: boolean, replaced: boolean) => void,
  ) {}

  start(): void {
    this.connect();
  }

  /** Closes the socket as a network drop would: the tab reconnects on its own (browser tests show "reconnecting"). */
  drop(): void {
    if (this.socket) this.abandon(this.socket);
  }

  /**
   * Asks the server for a sign of life now, because something suggests the network changed (media was lost): a
   * TCP connection over a network that is gone looks open for minutes, so one that stays silent for a few seconds
   * is given up and a new one opened, over whatever network the device has now. A spare socket is opened at once
   * beside it, and whichever proves itself first is kept.
   */
  probe(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.probeTimer !== undefined) return;
    this.heardSinceProbe = false;
    this.send({ type: 'ping' });
    this.probeTimer = window.setTimeout(() => {
      this.probeTimer = undefined;
      if (this.socket === socket && !this.heardSinceProbe) this.abandon(socket);
    }, PROBE_MS);
    if (Date.now() - this.lastSpareAt >= SPARE_EVERY_MS) this.openSpare(socket);
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.connectTimer = window.setTimeout(() => {
      if (socket.readyState !== WebSocket.OPEN) this.abandon(socket);
    }, CONNECT_MS);
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      window.clearTimeout(this.connectTimer);
      this.opened(socket, false);
    });
    this.listen(socket);
  }

  private openSpare(old: WebSocket): void {
    const spare = new WebSocket(this.url);
    this.spare = spare;
    this.lastSpareAt = Date.now();
    spare.addEventListener('open', () => {
      if (this.spare !== spare) return;
      this.spare = null;
      if (this.socket !== old || this.heardSinceProbe) {
        spare.close();
        return;
      }
      // the old socket is given up quietly: the page never saw the signaling down, only a new socket up
      window.clearTimeout(this.probeTimer);
      this.probeTimer = undefined;
      window.clearInterval(this.pingTimer);
      old.close();
      this.socket = spare;
      this.opened(spare, true);
    });
    this.listen(spare);
  }

  /** A socket that opened and is now the tab's: the page is told (it restarts ICE over it), and it pings. */
  private opened(socket: WebSocket, replaced: boolean): void {
    this.up = true;
    this.attempt = 0;
    this.lastHeard = Date.now();
    this.onConnection(true, replaced);
    this.pingTimer = window.setInterval(() => {
      if (Date.now() - this.lastHeard > SILENT_SOCKET_MS) this.abandon(socket);
      else this.send({ type: 'ping' });
    }, PING_INTERVAL_MS);
  }

  /** Messages and the close of a socket count only while it is the tab's socket. */
  private listen(socket: WebSocket): void {
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      this.heardSinceProbe = true;
      this.closeSpare();
      const message = parseServerMessage(String(event.data));
      if (!message) return;
      if (message.type === 'closed') this.finished = true;
      this.onMessage(message);
    });
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.lost();
    });
  }

  private closeSpare(): void {
    this.spare?.close();
    this.spare = null;
  }

  /**
   * Gives a socket up without waiting for its closing handshake (over a dead network the close event may take
   * minutes) and opens the next one.
   */
  private abandon(socket: WebSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.close();
    this.lost();
  }

  private lost(): void {
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.probeTimer);
    window.clearTimeout(this.connectTimer);
    this.probeTimer = undefined;
    this.closeSpare();
    this.socket = null;
    if (this.finished) return;
    if (this.up) {
      this.up = false;
      this.onConnection(false, false);
    }
    window.setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
  }
}
