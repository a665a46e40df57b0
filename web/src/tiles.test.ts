import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseLayout, tilesFromStreams } from './stage-layout';
import { TileBoard } from './tiles';

class FakeMediaStream {
  constructor(private readonly tracks: unknown[]) {}
  getTracks() { return this.tracks; }
}

describe('TileBoard', () => {
  let stage: HTMLElement;
  let grid: HTMLElement;
  let alone: HTMLElement;
  let board: TileBoard;
  let play: ReturnType<typeof vi.spyOn>;
  const tracks = new Map<string, MediaStreamTrack>();
  const track = (mid: string) => {
    if (!tracks.has(mid)) tracks.set(mid, { kind: 'video', id: mid } as unknown as MediaStreamTrack);
    return tracks.get(mid)!;
  };
  const streams = [
    { mid: '3', participantId: 'anna', kind: 'video' as const, source: 'camera' },
    { mid: '4', participantId: 'bertil', kind: 'video' as const, source: 'camera' },
  ];
  const show = (given = streams, follow: string | null = null, grid = false, speaker: string | null = null) => {
    const tiles = tilesFromStreams(given);
    board.render(tiles, chooseLayout(tiles, follow, grid), track,
      (tile) => ({ name: tile.participantId === 'anna' ? 'Anna' : 'Bertil', microphone: tile.participantId !== 'bertil' }), speaker);
  };

  beforeEach(() => {
    vi.stubGlobal('MediaStream', FakeMediaStream);
    // jsdom has no playback, and its videos are always paused
    play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    document.body.innerHTML = '<p data-alone></p><div data-stage hidden></div><div data-tiles></div><div data-remote-audio></div>';
    stage = document.querySelector('[data-stage]')!;
    grid = document.querySelector('[data-tiles]')!;
    alone = document.querySelector('[data-alone]')!;
    board = new TileBoard(stage, grid, document.querySelector('[data-remote-audio]')!, alone, { microphoneOff: 'Mikrofonen är av' });
  });

  it('puts the followed speaker on the stage, the others in tiles, with names and muted marks', () => {
    show(streams, 'bertil', false, 'bertil');
    expect(stage.hidden).toBe(false);
    expect(stage.querySelector('[data-tile]')?.getAttribute('data-tile')).toBe('bertil');
    expect(grid.querySelectorAll('[data-tile]')).toHaveLength(1);
    const bertil = stage.querySelector<HTMLElement>('[data-tile=bertil]')!;
    expect(bertil.dataset.source).toBe('camera');
    expect(bertil.hasAttribute('data-speaker')).toBe(true);
    expect(bertil.querySelector('figcaption')?.textContent).toContain('Bertil');
    expect(bertil.querySelector<HTMLElement>('[data-muted]')?.hidden).toBe(false);
    expect(grid.querySelector<HTMLElement>('[data-tile=anna] [data-muted]')?.hidden).toBe(true);
    expect(alone.hidden).toBe(true);
  });

  it('keeps a tile\'s element and video across a re-layout, so playback is not restarted', () => {
    show(streams, 'anna');
    const anna = document.querySelector('[data-tile=anna]')!;
    const source = anna.querySelector('video')!.srcObject;
    show(streams, 'bertil');
    expect(document.querySelector('[data-tile=anna]')).toBe(anna);
    expect(anna.parentElement).toBe(grid);
    expect(anna.querySelector('video')!.srcObject).toBe(source);
  });

  it('drops the tile of a stream that ended and shows who took over its slot', () => {
    show(streams);
    show([{ mid: '3', participantId: 'cecilia', kind: 'video', source: 'camera' }, streams[1]]);
    expect(document.querySelector('[data-tile=anna]')).toBeNull();
    expect(document.querySelectorAll('[data-tile]')).toHaveLength(2);
    expect(document.querySelector('[data-tile=cecilia] video')).not.toBeNull();
  });

  it('grid view empties the stage; the own preview stays last in the grid', () => {
    board.showSelf(null, { name: 'du', microphone: true, camera: false });
    show(streams, 'anna', true);
    expect(stage.hidden).toBe(true);
    expect(stage.children).toHaveLength(0);
    expect([...grid.children].map((element) => element.getAttribute('data-tile') ?? 'self')).toEqual(['anna', 'bertil', 'self']);
    expect(grid.querySelector('[data-self-view]')?.classList.contains('camera-off')).toBe(true);
  });

  it('plays a tile\'s video again when it comes back from another page, where the browser paused it', () => {
    // a paused video (as jsdom's always are) is what the browser leaves of one taken out of the page
    const tiles = tilesFromStreams(streams);
    const page = (shown: number) =>
      board.render(tiles, { stage: null, tiles: [tiles[shown].key] }, track, () => ({ name: '' }), null);
    page(0);
    expect(document.querySelector('[data-tile=bertil]')).toBeNull();
    play.mockClear();
    page(1);
    expect(play).toHaveBeenCalledTimes(1);
    expect(play.mock.contexts[0]).toBe(grid.querySelector('[data-tile=bertil] video'));
  });

  it('shows the hint when nobody else sends video', () => {
    show([]);
    expect(alone.hidden).toBe(false);
    expect(stage.hidden).toBe(true);
  });

  it('shows identity, hand and a pin button that pins the tile\'s participant', () => {
    const pinned: string[] = [];
    board = new TileBoard(stage, grid, document.querySelector('[data-remote-audio]')!, alone,
      { microphoneOff: 'Mikrofonen är av', hand: 'Hand uppe ({0})', pin: 'Fäst {0}', unpin: 'Sluta fästa {0}' },
      (participantId) => pinned.push(participantId));
    const tiles = tilesFromStreams(streams);
    board.render(tiles, chooseLayout(tiles, null, true), track, (tile) => ({
      name: tile.participantId, identity: tile.participantId === 'anna' ? 'BankID' : undefined,
      hand: tile.participantId === 'anna' ? 1 : null, pinned: false,
    }), null);
    const anna = grid.querySelector<HTMLElement>('[data-tile=anna]')!;
    expect(anna.querySelector<HTMLElement>('[data-identity]')?.hidden).toBe(false);
    expect(anna.querySelector<HTMLElement>('[data-hand-mark]')?.getAttribute('aria-label')).toBe('Hand uppe (1)');
    expect(grid.querySelector<HTMLElement>('[data-tile=bertil] [data-hand-mark]')?.hidden).toBe(true);
    const pin = anna.querySelector<HTMLButtonElement>('[data-pin]')!;
    expect(pin.getAttribute('aria-label')).toBe('Fäst anna');
    pin.click();
    expect(pinned).toEqual(['anna']);
    board.speaking('anna', true);
    expect(anna.hasAttribute('data-speaking')).toBe(true);
  });
});
