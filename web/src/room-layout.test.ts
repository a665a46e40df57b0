import { describe, expect, it } from 'vitest';
import { gridShape, lossBetween, pageOf, quality, shortcut, SpeechWhileMuted, TILES_PER_PAGE } from './room-layout';

describe('gridShape', () => {
  it('gives one person the whole width when the window is wide', () => {
    expect(gridShape(1, 1280, 720)).toEqual({ columns: 1, rows: 1, width: 1280, height: 720 });
  });
  it('puts two side by side on a wide window and one above the other on a tall phone', () => {
    expect(gridShape(2, 1280, 700).columns).toBe(2);
    expect(gridShape(2, 390, 700).columns).toBe(1);
  });
  it('lays sixteen out four by four on a wide window', () => {
    const shape = gridShape(16, 1280, 720);
    expect([shape.columns, shape.rows]).toEqual([4, 4]);
    expect(shape.width * shape.columns).toBeLessThanOrEqual(1280);
    expect((shape.height + 8) * shape.rows - 8).toBeLessThanOrEqual(720);
  });
});

describe('pageOf', () => {
  const people = Array.from({ length: 20 }, (_, index) => index);
  it('shows sixteen on the first page and the other four on the second', () => {
    expect(pageOf(people, 0)).toEqual({ items: people.slice(0, TILES_PER_PAGE), page: 0, pages: 2 });
    expect(pageOf(people, 1).items).toEqual([16, 17, 18, 19]);
  });
  it('falls back to the last page when people leave', () => {
    expect(pageOf(people.slice(0, 10), 1)).toEqual({ items: people.slice(0, 10), page: 0, pages: 1 });
  });
});

describe('quality', () => {
  it('is good on a clean link, fair on some loss, poor on a stuttering picture or a long delay', () => {
    expect(quality({ loss: 0, rtt: 40, fps: 30 })).toBe('good');
    expect(quality({ loss: 0.04, rtt: 40, fps: 30 })).toBe('fair');
    expect(quality({ loss: 0, rtt: 40, fps: 3 })).toBe('poor');
    expect(quality({ loss: 0, rtt: 900, fps: null })).toBe('poor');
  });
  it('measures loss between two samples of cumulative counters', () => {
    expect(lossBetween({ lost: 10, received: 1000 }, { lost: 20, received: 1090 })).toBeCloseTo(0.1);
    expect(lossBetween(undefined, { lost: 0, received: 50 })).toBe(0);
  });
});

describe('SpeechWhileMuted', () => {
  it('speaks up after half a second of speech, not for a single cough', () => {
    const detector = new SpeechWhileMuted();
    expect(detector.add(0.9)).toBe(false);
    for (let i = 0; i < 8; i++) detector.add(0.01);
    expect([0.5, 0.5, 0.5, 0.5].map((level) => detector.add(level))).toEqual([false, false, false, false]);
    expect(detector.add(0.5)).toBe(true);
  });
});

describe('shortcut', () => {
  const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...more });
  it('maps M, V, H, C and ? and nothing else', () => {
    expect(['m', 'V', 'h', 'c', '?', 'x'].map((k) => shortcut(key(k), false))).toEqual(['mic', 'camera', 'hand', 'chat', 'help', null]);
  });
  it('leaves typing and browser shortcuts alone', () => {
    expect(shortcut(key('m'), true)).toBeNull();
    expect(shortcut(key('c', { ctrlKey: true }), false)).toBeNull();
  });
});
