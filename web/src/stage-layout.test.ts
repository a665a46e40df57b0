import { describe, expect, it } from 'vitest';
import type { StreamInfo } from './media';
import { chooseLayout, followed, layersMessage, layerWishes, tilesFromStreams } from './stage-layout';

const stream = (mid: string, participantId: string, kind: 'audio' | 'video', source: string): StreamInfo =>
  ({ mid, participantId, kind, source });

describe('tilesFromStreams', () => {
  it('makes one tile per participant and video source, none for audio', () => {
    const tiles = tilesFromStreams([
      stream('2', 'anna', 'audio', 'microphone'), stream('3', 'anna', 'video', 'camera'),
      stream('4', 'bertil', 'video', 'camera'), stream('5', 'anna', 'video', 'screen'),
    ]);
    expect(tiles.map((tile) => [tile.key, tile.mid])).toEqual([['anna:camera', '3'], ['bertil:camera', '4'], ['anna:screen', '5']]);
  });
  it('follows a reused slot to its new participant', () => {
    const before = tilesFromStreams([stream('3', 'anna', 'video', 'camera')]);
    const after = tilesFromStreams([stream('3', 'cecilia', 'video', 'camera')]);
    expect(before[0].participantId).toBe('anna');
    expect(after[0]).toEqual({ key: 'cecilia:camera', participantId: 'cecilia', source: 'camera', mid: '3' });
  });
});

describe('followed', () => {
  it('follows a new remote speaker', () => {
    expect(followed('anna', 'bertil', 'me')).toBe('bertil');
  });
  it('keeps the previous one while the viewer speaks, or before anyone has', () => {
    expect(followed('anna', 'me', 'me')).toBe('anna');
    expect(followed(null, null, 'me')).toBe(null);
  });
});

describe('chooseLayout', () => {
  const tiles = tilesFromStreams([
    stream('3', 'anna', 'video', 'camera'), stream('4', 'bertil', 'video', 'camera'), stream('6', 'cecilia', 'video', 'camera'),
  ]);
  const withScreen = tilesFromStreams([
    stream('3', 'anna', 'video', 'camera'), stream('4', 'bertil', 'video', 'camera'), stream('5', 'bertil', 'video', 'screen'),
  ]);
  const table: Array<[string, typeof tiles, string | null, boolean, string | null, string[]]> = [
    ['speaker view: the followed speaker is large', tiles, 'bertil', false, 'bertil:camera', ['anna:camera', 'cecilia:camera']],
    ['speaker view before anyone spoke: the first camera', tiles, null, false, 'anna:camera', ['bertil:camera', 'cecilia:camera']],
    ['speaker view, speaker without video: the first camera', tiles, 'david', false, 'anna:camera', ['bertil:camera', 'cecilia:camera']],
    ['grid view: no stage', tiles, 'bertil', true, null, ['anna:camera', 'bertil:camera', 'cecilia:camera']],
    ['a shared screen goes over the speaker', withScreen, 'anna', false, 'bertil:screen', ['anna:camera', 'bertil:camera']],
    ['a shared screen stays large in the grid view', withScreen, 'anna', true, 'bertil:screen', ['anna:camera', 'bertil:camera']],
    ['alone: nothing at all', [], 'anna', false, null, []],
  ];
  it.each(table)('%s', (_, given, follow, grid, stage, rest) => {
    expect(chooseLayout(given, follow, grid)).toEqual({ stage, tiles: rest });
  });
  it('a pinned participant stays large over the speaker, a shared screen and the grid', () => {
    expect(chooseLayout(withScreen, 'bertil', true, 'anna')).toEqual({ stage: 'anna:camera', tiles: ['bertil:camera', 'bertil:screen'] });
  });
  it('a pin on someone who left is ignored', () => {
    expect(chooseLayout(tiles, 'bertil', false, 'david').stage).toBe('bertil:camera');
  });
});

describe('layerWishes', () => {
  const tiles = tilesFromStreams([
    stream('3', 'anna', 'video', 'camera'), stream('4', 'bertil', 'video', 'camera'),
    stream('6', 'cecilia', 'video', 'camera'), stream('5', 'anna', 'video', 'screen'),
  ]);
  const cameras = tiles.filter((tile) => tile.source === 'camera');
  it.each([
    ['bertil', { '3': 'low', '4': 'high', '6': 'low' }],
    ['cecilia', { '3': 'low', '4': 'low', '6': 'high' }],
    [null, { '3': 'high', '4': 'low', '6': 'low' }], // nobody has spoken: the first camera is on the stage
  ])('puts the stage high and the small tiles low when following %s', (follow, wishes) => {
    expect(layerWishes(cameras, chooseLayout(cameras, follow, false))).toEqual(wishes);
  });
  it('puts a shared screen high and every camera low', () => {
    expect(layerWishes(tiles, chooseLayout(tiles, 'bertil', false))).toEqual({ '3': 'low', '4': 'low', '6': 'low', '5': 'high' });
  });
  it('asks for the low layer everywhere in the grid view, which has no stage', () => {
    expect(layerWishes(cameras, chooseLayout(cameras, 'bertil', true))).toEqual({ '3': 'low', '4': 'low', '6': 'low' });
  });
});

describe('layersMessage', () => {
  it('sends the wishes once, in mid order, and again only when they change', () => {
    const first = layersMessage({ '4': 'high', '3': 'low' }, null);
    expect(first).toEqual({ type: 'layers', slots: { '3': 'low', '4': 'high' } });
    expect(JSON.stringify(first!.slots)).toBe('{"3":"low","4":"high"}');
    expect(layersMessage({ '3': 'low', '4': 'high' }, JSON.stringify(first!.slots))).toBeNull();
    expect(layersMessage({ '3': 'high', '4': 'low' }, JSON.stringify(first!.slots))).toEqual({ type: 'layers', slots: { '3': 'high', '4': 'low' } });
  });
  it('sends nothing without a video slot', () => {
    expect(layersMessage({}, null)).toBeNull();
  });
});
