// The guest's waiting room around meeting-room.ts: the details and the own preview show while waiting, and being
// let in is heard (a chime on the chosen speaker) and seen (the status box turns green; or the meeting appears).
// meeting-room.ts keeps the state in the root's data-state and data-closed; this only follows them.
import { playTestSound } from './devices/test-sound';
import { loadChoice } from './prejoin';

const LET_IN = new Set(['ADMITTED', 'IN_MEETING']);

/** Whether a change of state is the moment of being let in (not a reload of a page already let in). */
export function letIn(previous: string | undefined, next: string | undefined): boolean {
  return previous === 'WAITING' && next !== undefined && LET_IN.has(next);
}

/** Whether the waiting room's own parts (details, preview, leave) are shown: only while still outside. */
export function stillWaiting(state: string | undefined, closed: boolean): boolean {
  return !closed && state !== 'IN_MEETING';
}

export function waitingRoom(root: HTMLElement): void {
  const waiting = root.querySelector<HTMLElement>('[data-waiting]');
  const statusBox = root.querySelector<HTMLElement>('[data-status]');
  let previous = root.dataset.state;

  const follow = (): void => {
    const state = root.dataset.state;
    const closed = root.dataset.closed !== undefined;
    if (waiting) waiting.hidden = !stillWaiting(state, closed);
    statusBox?.toggleAttribute('data-admitted', !closed && state === 'ADMITTED');
    if (state !== previous && letIn(previous, state)) {
      void playTestSound(loadChoice(window.sessionStorage).speakerId ?? undefined);
    }
    previous = state;
  };
  new MutationObserver(follow).observe(root, { attributes: true, attributeFilter: ['data-state', 'data-closed'] });
  follow();

  // leaving while waiting is the meeting's own "leave" (meeting-room.ts sends it on the signaling connection)
  root.querySelector<HTMLButtonElement>('[data-waiting-leave]')?.addEventListener('click', () => {
    root.querySelector<HTMLButtonElement>('[data-in-meeting] [data-leave]')?.click();
  });
}
