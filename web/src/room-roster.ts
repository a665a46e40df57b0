// The roster list of the meeting page: one item per participant, with the host's buttons for each guest.
import { Badge, identityLine, shownName } from './badges';
import { icon } from './icons';
import type { ParticipantCommand } from './protocol';
import { format, type Texts } from './texts';

/** The host's commands on a guest's item, and the text key of each button. */
const COMMANDS: Array<[ParticipantCommand['type'], string]> = [
  ['sendBack', 'sendBack'], ['mute', 'mute'], ['cameraOff', 'cameraOffAction'], ['remove', 'remove'],
];

export interface RosterView {
  texts: Texts;
  /** Whether the viewer is a host (they get the commands). */
  host: boolean;
  /** The loudest participant now. */
  speaker: string | null;
  command: (message: ParticipantCommand) => void;
}

export function rosterItem(badge: Badge, view: RosterView): HTMLElement {
  const { texts } = view;
  const item = document.createElement('li');
  item.dataset.participant = badge.participantId;
  item.toggleAttribute('data-speaker', badge.participantId === view.speaker);
  const name = document.createElement('strong');
  name.textContent = shownName(badge, texts);
  const identity = document.createElement('span');
  identity.className = 'badge-line';
  identity.textContent = identityLine(badge, texts);
  item.append(name, ' ', identity);
  if (badge.microphone === false) {
    const muted = document.createElement('span');
    muted.className = 'mark muted-mark';
    muted.setAttribute('role', 'img');
    muted.setAttribute('aria-label', texts.microphoneOff ?? '');
    muted.append(icon('mic-off'));
    item.append(' ', muted);
  }
  if (badge.hand) {
    const raised = document.createElement('span');
    raised.className = 'hand';
    raised.append(icon('hand'), format(texts, 'hand', badge.hand));
    item.append(' ', raised);
  }
  if (view.host && !badge.host) {
    const who = shownName(badge, texts);
    for (const [type, key] of COMMANDS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = type === 'remove' ? 'link danger' : 'link';
      button.dataset.action = type;
      button.textContent = texts[key] ?? type;
      button.setAttribute('aria-label', `${texts[key] ?? type}: ${who}`);
      button.addEventListener('click', () => view.command({ type, participantId: badge.participantId }));
      item.append(' ', button);
    }
  }
  return item;
}
