import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECT_MS, PING_INTERVAL_MS, PROBE_MS, SILENT_SOCKET_MS, SPARE_EVERY_MS, Signaling } from './signaling';

// A stand-in for the browser's WebSocket: opened by the test, and a socket over a dead network never closes.
class FakeSocket extends EventTarget {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closeCalled = false;
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }
  receive(data: string) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closeCalled = true; // the close event would come only after a closing handshake nobody answers
  }
}

describe('Signaling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function connected() {
    const ups: boolean[] = [];
    const signaling = new Signaling('ws://x/ws', () => {}, (up) => ups.push(up));
    signaling.start();
    FakeSocket.made[0].open();
    return { signaling, ups, first: FakeSocket.made[0] };
  }

  function connectedWithMessages() {
    const ups: string[] = [];
    const messages: string[] = [];
    const signaling = new Signaling('ws://x/ws', (m) => messages.push(m.type),
      (up, replaced) => ups.push(up ? (replaced ? 'replaced' : 'up') : 'down'));
    signaling.start();
    FakeSocket.made[0].open();
    return { signaling, ups, messages, first: FakeSocket.made[0] };
  }

  it('a probe that hears nothing gives the socket up at once and opens another', () => {
    const { signaling, ups, first } = connected();
    signaling.probe();
    expect(first.sent).toEqual([JSON.stringify({ type: 'ping' })]);
    const spare = FakeSocket.made[1];
    vi.advanceTimersByTime(PROBE_MS);
    expect(first.closeCalled).toBe(true);
    expect(spare.closeCalled).toBe(true);
    expect(ups).toEqual([true, false]);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.made).toHaveLength(3);
  });

  it('a probe answered keeps the socket and closes the spare', () => {
    const { signaling, ups, first } = connected();
    signaling.probe();
    const spare = FakeSocket.made[1];
    vi.advanceTimersByTime(100);
    first.receive(JSON.stringify({ type: 'pong' }));
    expect(spare.closeCalled).toBe(true);
    spare.open();
    vi.advanceTimersByTime(PROBE_MS);
    expect(first.closeCalled).toBe(false);
    expect(ups).toEqual([true]);
  });

  it('a spare that opens before the old socket answers takes its place without the page seeing the socket down', () => {
    const { signaling, ups, messages, first } = connectedWithMessages();
    signaling.probe();
    const spare = FakeSocket.made[1];
    vi.advanceTimersByTime(600);
    spare.open();
    expect(first.closeCalled).toBe(true);
    expect(ups).toEqual(['up', 'replaced']);
    first.receive(JSON.stringify({ type: 'pong' }));
    spare.receive(JSON.stringify({ type: 'pong' }));
    expect(messages).toEqual(['pong']);
    signaling.send({ type: 'ping' });
    expect(spare.sent).toEqual([JSON.stringify({ type: 'ping' })]);
    vi.advanceTimersByTime(PROBE_MS + 500);
    expect(spare.closeCalled).toBe(false);
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('probes in quick succession open one spare, not one each', () => {
    const { signaling, first } = connected();
    signaling.probe();
    first.receive(JSON.stringify({ type: 'pong' }));
    vi.advanceTimersByTime(PROBE_MS);
    signaling.probe();
    expect(FakeSocket.made).toHaveLength(2);
    first.receive(JSON.stringify({ type: 'pong' }));
    vi.advanceTimersByTime(SPARE_EVERY_MS);
    signaling.probe();
    expect(FakeSocket.made).toHaveLength(3);
  });

  it('pings while open and gives up a socket silent for too long', () => {
    const { ups, first } = connected();
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(first.sent).toHaveLength(1);
    first.receive(JSON.stringify({ type: 'pong' }));
    vi.advanceTimersByTime(SILENT_SOCKET_MS + PING_INTERVAL_MS);
    expect(first.closeCalled).toBe(true);
    expect(ups).toEqual([true, false]);
  });

  it('a socket that does not open in time is given up and the next one tried', () => {
    const ups: boolean[] = [];
    const signaling = new Signaling('ws://x/ws', () => {}, (up) => ups.push(up));
    signaling.start();
    vi.advanceTimersByTime(CONNECT_MS - 1);
    expect(FakeSocket.made[0].closeCalled).toBe(false);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.made[0].closeCalled).toBe(true);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.made).toHaveLength(2);
    FakeSocket.made[1].open();
    vi.advanceTimersByTime(CONNECT_MS);
    expect(FakeSocket.made[1].closeCalled).toBe(false);
    expect(ups).toEqual([true]);
  });
});
