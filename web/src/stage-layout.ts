// Which remote video goes where: one large "stage" and the rest as tiles. Pure, so it is tested without a DOM.
import type { StreamInfo } from './media';

export type TileSource = 'camera' | 'screen';

/** One remote video: a participant's camera or shared screen, carried by one receive mid. */
export interface Tile {
  key: string;
  participantId: string;
  source: TileSource;
  mid: string;
}

export interface Layout {
  stage: string | null;
  tiles: string[];
}

export function tileKey(participantId: string, source: TileSource): string {
  return `${participantId}:${source}`;
}

/** The video tiles an answer's `streams` call for, in the answer's order; audio has no tile. */
export function tilesFromStreams(streams: StreamInfo[]): Tile[] {
  const tiles = new Map<string, Tile>();
  for (const stream of streams) {
    if (stream.kind !== 'video') continue;
    const source: TileSource = stream.source === 'screen' ? 'screen' : 'camera';
    const key = tileKey(stream.participantId, source);
    if (!tiles.has(key)) tiles.set(key, { key, participantId: stream.participantId, source, mid: stream.mid });
  }
  return [...tiles.values()];
}

/**
 * The participant the stage follows: the dominant speaker unless that is the viewer, who never sees
 * themself large; then whoever was followed before.
 */
export function followed(previous: string | null, speaker: string | null, you: string | null): string | null {
  return speaker !== null && speaker !== you ? speaker : previous;
}

/**
 * A participant the viewer pinned is on the stage, grid or not. Otherwise a shared screen is (over the speaker,
 * grid or not); otherwise the speaker view puts the followed participant's camera there, or the first camera while
 * nobody has spoken; the grid view has no stage.
 */
export function chooseLayout(tiles: Tile[], follow: string | null, grid: boolean, pinned: string | null = null): Layout {
  const screen = tiles.find((tile) => tile.source === 'screen');
  const pin = tiles.find((tile) => tile.participantId === pinned && tile.source === 'camera');
  let stage: Tile | undefined = pin ?? screen;
  if (!stage && !grid) {
    stage = tiles.find((tile) => tile.participantId === follow && tile.source === 'camera') ?? tiles[0];
  }
  return { stage: stage?.key ?? null, tiles: tiles.filter((tile) => tile !== stage).map((tile) => tile.key) };
}

export type Layer = 'high' | 'low';

/**
 * The simulcast layer to ask the SFU for in each video receive slot: the high one for the stage, the low one for
 * every small tile (the grid view has no stage, so all are low).
 */
export function layerWishes(tiles: Tile[], layout: Layout): Record<string, Layer> {
  const wishes: Record<string, Layer> = {};
  for (const tile of tiles) wishes[tile.mid] = tile.key === layout.stage ? 'high' : 'low';
  return wishes;
}

/** The `layers` message for these wishes, or null when it would repeat the last one sent. */
export function layersMessage(wishes: Record<string, Layer>, lastSent: string | null): { type: 'layers'; slots: Record<string, Layer> } | null {
  const slots = Object.fromEntries(Object.entries(wishes).sort(([a], [b]) => a.localeCompare(b)));
  if (Object.keys(slots).length === 0 || JSON.stringify(slots) === lastSent) return null;
  return { type: 'layers', slots };
}
