// The room's frame once the viewer is in the meeting: the page around it hidden, one side panel at a time
// (participants, chat, waiting guests), the "more" menu and the reactions on a phone, the dialogs, keyboard
// shortcuts, unread chat, and the notices over the videos. meeting-room.ts tells it what happens.
import { drawIcons } from './icons';
import { shortcut } from './room-layout';
import { format, type Texts } from './texts';

export type PanelName = 'participants' | 'chat' | 'waiting';

export class RoomFrame {
  private open: PanelName | null = null;
  private unread = 0;
  private inside = false;
  private readonly notices = new Map<string, string>();
  private readonly hiddenAround: HTMLElement[] = [];

  constructor(private readonly room: HTMLElement, private readonly texts: Texts, actions: { leave: () => void }) {
    drawIcons(room);
    room.querySelectorAll<HTMLButtonElement>('[data-panel-toggle]').forEach((button) => {
      button.addEventListener('click', () => this.toggle(button.dataset.panelToggle as PanelName));
    });
    room.querySelectorAll<HTMLButtonElement>('[data-panel-close]').forEach((button) => {
      button.addEventListener('click', () => this.show(null));
    });
    this.popup('[data-more]', '[data-more-menu]');
    this.popup('[data-reactions-toggle]', '[data-reactions]');
    // a choice in the phone's "more" menu or the reactions closes it
    room.querySelector('[data-more-menu]')?.addEventListener('click', (event) => {
      if ((event.target as Element).closest('button:not([data-reactions-toggle])')) this.closePopup('[data-more]', '[data-more-menu]');
    });
    room.querySelector('[data-reactions]')?.addEventListener('click', (event) => {
      if ((event.target as Element).closest('button')) this.closePopup('[data-reactions-toggle]', '[data-reactions]');
    });
    const help = room.querySelector<HTMLDialogElement>('[data-help-dialog]');
    room.querySelector('[data-help-open]')?.addEventListener('click', () => help?.showModal());
    const leaveDialog = room.querySelector<HTMLDialogElement>('[data-leave-dialog]');
    room.querySelectorAll('[data-leave-dialog] [data-dialog-close]').forEach((button) => button.addEventListener('click', () => leaveDialog?.close()));
    room.querySelector('[data-leave]')?.addEventListener('click', () => {
      // a host chooses between leaving and ending the meeting for everyone; a guest just leaves
      if (leaveDialog) leaveDialog.showModal();
      else actions.leave();
    });
    room.querySelector('[data-leave-only]')?.addEventListener('click', () => {
      leaveDialog?.close();
      actions.leave();
    });
    // screen sharing only where the browser can (not on phones' browsers)
    const share = room.querySelector<HTMLElement>('[data-share-screen]');
    if (share && typeof navigator.mediaDevices?.getDisplayMedia !== 'function') share.hidden = true;
    document.addEventListener('keydown', (event) => this.key(event));
  }

  /** Shows the room over the whole window (hiding the page's header, banner and the rest) or gives the page back. */
  enter(inside: boolean): void {
    if (inside === this.inside) return;
    this.inside = inside;
    document.documentElement.classList.toggle('in-room', inside);
    if (inside) {
      // everything beside the room and beside each of its ancestors, up to <body>
      for (let element: HTMLElement | null = this.room; element && element !== document.body; element = element.parentElement) {
        for (const sibling of element.parentElement?.children ?? []) {
          if (sibling === element || !(sibling instanceof HTMLElement) || sibling.hidden) continue;
          if (['TEMPLATE', 'SCRIPT', 'STYLE', 'LINK'].includes(sibling.tagName)) continue;
          sibling.hidden = true;
          this.hiddenAround.push(sibling);
        }
      }
    } else {
      this.hiddenAround.forEach((element) => {
        element.hidden = false;
      });
      this.hiddenAround.length = 0;
      this.show(null);
      this.room.querySelectorAll<HTMLDialogElement>('dialog[open]').forEach((dialog) => dialog.close());
    }
  }

  /** Opens one side panel (closing any other), or none. */
  show(panel: PanelName | null): void {
    this.open = panel;
    this.room.querySelectorAll<HTMLElement>('[data-panel]').forEach((element) => {
      element.hidden = element.dataset.panel !== panel;
    });
    this.room.querySelectorAll<HTMLButtonElement>('[data-panel-toggle]').forEach((button) => {
      button.setAttribute('aria-expanded', String(button.dataset.panelToggle === panel));
    });
    this.room.classList.toggle('panel-open', panel !== null);
    if (panel === 'chat') {
      this.unread = 0;
      this.count('[data-unread]', 0, 'unread');
    }
  }

  toggle(panel: PanelName): void {
    if (!this.room.querySelector(`[data-panel="${panel}"]`)) return;
    this.show(this.open === panel ? null : panel);
    if (this.open === 'chat') this.room.querySelector<HTMLInputElement>('#chat-text')?.focus();
  }

  /** A chat line arrived: counted as unread while the chat is closed. */
  chatArrived(own: boolean): void {
    if (this.open === 'chat' || own) return;
    this.unread += 1;
    this.count('[data-unread]', this.unread, 'unread');
  }

  /** The number of guests waiting, on the host's waiting button. */
  waiting(count: number): void {
    this.count('[data-waiting-count]', count, 'waitingCount');
  }

  private count(selector: string, count: number, key: string): void {
    const badge = this.room.querySelector<HTMLElement>(selector);
    if (!badge) return;
    badge.hidden = count === 0;
    // the number for the eye, the words for a screen reader
    const number = document.createElement('span');
    number.setAttribute('aria-hidden', 'true');
    number.textContent = String(count);
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = ` (${format(this.texts, key, count)})`;
    badge.replaceChildren(number, words);
  }

  /** A notice over the videos (reconnecting, muted while speaking...); null takes that one away. */
  notice(kind: string, text: string | null): void {
    if (text) this.notices.set(kind, text);
    else this.notices.delete(kind);
    const element = this.room.querySelector<HTMLElement>('[data-room-notice]');
    if (!element) return;
    const shown = [...this.notices.values()].at(-1) ?? '';
    if (element.textContent !== shown) element.textContent = shown;
    element.hidden = shown === '';
    this.room.dataset.notice = [...this.notices.keys()].join(' ');
  }

  /** A reaction over the videos for a few seconds: its icon and who sent it. */
  toast(name: string, reaction: string, label: string): void {
    const list = this.room.querySelector<HTMLElement>('[data-toasts]');
    if (!list) return;
    const item = document.createElement('li');
    const mark = document.createElement('span');
    mark.dataset.icon = reaction;
    item.append(mark, ` ${name}: ${label}`);
    drawIcons(item);
    list.append(item);
    while (list.childElementCount > 4) list.firstElementChild?.remove();
    window.setTimeout(() => item.remove(), 5000);
  }

  /** The pager under the grid: shown only when there is more than one page. */
  paged(page: number, pages: number): void {
    const pager = this.room.querySelector<HTMLElement>('[data-pager]');
    if (!pager) return;
    pager.hidden = pages <= 1;
    const text = pager.querySelector<HTMLElement>('[data-page-text]');
    if (text) text.textContent = format(this.texts, 'page', page + 1, pages);
    pager.querySelector<HTMLButtonElement>('[data-page="-1"]')!.disabled = page === 0;
    pager.querySelector<HTMLButtonElement>('[data-page="1"]')!.disabled = page >= pages - 1;
  }

  private popup(toggleSelector: string, menuSelector: string): void {
    const toggle = this.room.querySelector<HTMLButtonElement>(toggleSelector);
    const menu = this.room.querySelector<HTMLElement>(menuSelector);
    toggle?.addEventListener('click', () => {
      const opening = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(opening));
      menu?.toggleAttribute('data-open', opening);
      if (menu?.dataset.reactions !== undefined) menu.hidden = !opening;
      if (opening) menu?.querySelector<HTMLButtonElement>('button:not([hidden])')?.focus();
    });
    menu?.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.closePopup(toggleSelector, menuSelector);
        toggle?.focus();
      }
    });
  }

  private closePopup(toggleSelector: string, menuSelector: string): void {
    this.room.querySelector(toggleSelector)?.setAttribute('aria-expanded', 'false');
    const menu = this.room.querySelector<HTMLElement>(menuSelector);
    menu?.removeAttribute('data-open');
    if (menu?.dataset.reactions !== undefined) menu.hidden = true;
  }

  private key(event: KeyboardEvent): void {
    if (!this.inside || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    const typing = Boolean(target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
    if (this.room.querySelector('dialog[open]')) return;
    const action = shortcut(event, typing);
    if (!action) return;
    event.preventDefault();
    switch (action) {
      case 'mic': this.click('[data-toggle-mic]'); break;
      case 'camera': this.click('[data-toggle-camera]'); break;
      case 'hand': this.click('[data-hand]'); break;
      case 'chat': this.toggle('chat'); break;
      case 'help': this.room.querySelector<HTMLDialogElement>('[data-help-dialog]')?.showModal(); break;
    }
  }

  private click(selector: string): void {
    this.room.querySelector<HTMLButtonElement>(selector)?.click();
  }
}
