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

export class Signaling {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private finished = false;
  private pingTimer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly onMessage: (message: ServerMessage) => void,
    private readonly onConnection: (up: boolean) => void,
  ) {}

  start(): void {
    this.connect();
  }

  /** Closes the socket as a network drop would: the tab reconnects on its own (browser tests show "reconnecting"). */
  drop(): void {
    this.socket?.close();
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.onConnection(true);
      this.pingTimer = window.setInterval(() => this.send({ type: 'ping' }), 30000);
    });
    socket.addEventListener('message', (event) => {
      const message = parseServerMessage(String(event.data));
      if (!message) return;
      if (message.type === 'closed') this.finished = true;
      this.onMessage(message);
    });
    socket.addEventListener('close', () => {
      window.clearInterval(this.pingTimer);
      if (this.finished) return;
      this.onConnection(false);
      window.setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
    });
  }
}
