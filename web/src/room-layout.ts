// Pure arithmetic of the room: how a grid fills the window, which tiles a page shows, and how good a connection
// is. Kept apart from the DOM so it is tested directly.

/** At most this many videos on screen at once; the rest are paged. */
export const TILES_PER_PAGE = 16;

export interface GridShape {
  columns: number;
  rows: number;
  /** The size of one tile in pixels, the largest that fits. */
  width: number;
  height: number;
}

/**
 * The columns and rows that give `count` tiles of the given aspect ratio the largest size inside width x height
 * (with `gap` pixels between tiles).
 */
export function gridShape(count: number, width: number, height: number, aspect = 16 / 9, gap = 8): GridShape {
  const tiles = Math.max(1, count);
  let best: GridShape = { columns: 1, rows: tiles, width: 0, height: 0 };
  for (let columns = 1; columns <= tiles; columns++) {
    const rows = Math.ceil(tiles / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    const tileWidth = Math.max(0, Math.min(cellWidth, cellHeight * aspect));
    if (tileWidth > best.width) best = { columns, rows, width: Math.floor(tileWidth), height: Math.floor(tileWidth / aspect) };
  }
  return best;
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
}

/** One page of at most `size` items; a page past the end shows the last one. */
export function pageOf<T>(items: T[], page: number, size = TILES_PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(shown * size, shown * size + size), page: shown, pages };
}

export type Quality = 'good' | 'fair' | 'poor';

export interface LinkFigures {
  /** Share of packets lost since the last look, 0..1. */
  loss: number;
  /** Round-trip time in milliseconds, or null when unknown. */
  rtt: number | null;
  /** Frames per second of the video, or null for no video. */
  fps: number | null;
}

/** A connection's quality as people read it: a few per cent loss, half a second's delay or a stuttering picture. */
export function quality(figures: LinkFigures): Quality {
  const { loss, rtt, fps } = figures;
  if (loss > 0.08 || (rtt !== null && rtt > 600) || (fps !== null && fps < 5)) return 'poor';
  if (loss > 0.02 || (rtt !== null && rtt > 250) || (fps !== null && fps < 12)) return 'fair';
  return 'good';
}

/** Loss since the previous sample, from cumulative packet counters (a reset counter counts as no loss). */
export function lossBetween(before: { lost: number; received: number } | undefined, now: { lost: number; received: number }): number {
  const lost = now.lost - (before?.lost ?? 0);
  const received = now.received - (before?.received ?? 0);
  if (lost <= 0 || received < 0) return 0;
  return lost / (lost + received);
}

/** Speech on a muted microphone: the level above `threshold` in most of the last samples (about a second). */
export class SpeechWhileMuted {
  private readonly recent: boolean[] = [];

  constructor(private readonly threshold = 0.12, private readonly window = 10, private readonly needed = 5) {}

  /** Adds a level sample; true when the person seems to be talking. */
  add(level: number): boolean {
    this.recent.push(level > this.threshold);
    if (this.recent.length > this.window) this.recent.shift();
    return this.recent.filter(Boolean).length >= this.needed;
  }

  reset(): void {
    this.recent.length = 0;
  }
}

/** The key's room action, or null: plain letters only, never while typing in a field or with a modifier. */
export function shortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typing: boolean): string | null {
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'm': case 'M': return 'mic';
    case 'v': case 'V': return 'camera';
    case 'h': case 'H': return 'hand';
    case 'c': case 'C': return 'chat';
    case '?': return 'help';
    default: return null;
  }
}
