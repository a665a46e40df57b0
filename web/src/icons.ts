// The room's icons: SVG from the lucide set (ISC licence), only the ones used, bundled into the client so no
// device needs an emoji font and nothing is fetched from elsewhere. `<span data-icon="mic">` becomes the SVG.
import type { IconNode } from 'lucide';
import {
  DoorOpen, Ellipsis, FaceGrinning, Hand, Heart, Keyboard, LayoutGrid, Lock, MessageSquare, Mic, MicOff, MonitorUp, PartyPopper, PhoneOff, Pin, Signal, Sparkles, ThumbsUp, UserPlus, Users, Video, VideoOff, Wind, WifiLow, X, FaceSlightlySmiling as Smile,
} from 'lucide';

export const ICONS: Record<string, IconNode> = {
  mic: Mic, 'mic-off': MicOff, video: Video, 'video-off': VideoOff, screen: MonitorUp, blur: Wind, grid: LayoutGrid,
  'low-bandwidth': WifiLow, hand: Hand, react: Smile, users: Users, chat: MessageSquare, waiting: UserPlus,
  lock: Lock, help: Keyboard, leave: PhoneOff, more: Ellipsis, close: X, pin: Pin, signal: Signal,
  'thumbs-up': ThumbsUp, heart: Heart, clap: PartyPopper, laugh: FaceGrinning, surprised: Sparkles, door: DoorOpen,
};

const SVG = 'http://www.w3.org/2000/svg';

/** The icon as an SVG element, hidden from assistive technology: the button's text names it. */
export function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries({ width: '24', height: '24', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor',
    'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false', class: 'icon' })) {
    svg.setAttribute(key, value);
  }
  for (const [tag, attributes] of ICONS[name] ?? []) {
    const child = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) child.setAttribute(key, String(value));
    svg.append(child);
  }
  return svg;
}

/** Fills every `[data-icon]` placeholder under root with its SVG (once). */
export function drawIcons(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-icon]').forEach((placeholder) => {
    const name = placeholder.dataset.icon ?? '';
    const drawn = placeholder.firstElementChild;
    if (drawn?.getAttribute('data-drawn') === name) return;
    const svg = icon(name);
    svg.setAttribute('data-drawn', name);
    placeholder.replaceChildren(svg);
  });
}
