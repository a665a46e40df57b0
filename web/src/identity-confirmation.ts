/**
 * The host's side of confirming a participant's identity in the room (citizen feature, docs/identification.md):
 * a "confirm identity" and a "type their code" button on each guest in the roster, and the confirmed badge.
 * Kept apart from meeting-room.ts: it only decorates the roster that file renders, after every render.
 */

export interface ConfirmationBadge {
  participantId: string;
  text: string;
}

/** The roster item's badge text, or null when the participant is not confirmed. */
export function badgeFor(badges: ConfirmationBadge[], participantId: string): string | null {
  return badges.find((badge) => badge.participantId === participantId)?.text ?? null;
}

export function identityConfirmation(panel: HTMLElement): void {
  const url = panel.dataset.url ?? '';
  const status = panel.querySelector<HTMLElement>('[data-confirmation-status]');
  const form = panel.querySelector<HTMLFormElement>('[data-confirmation-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name=code]');
  const roster = document.querySelector<HTMLElement>('[data-roster]');
  let badges: ConfirmationBadge[] = [];
  let typingFor: string | null = null;

  const headers = (): Record<string, string> => ({
    [panel.dataset.csrfHeader ?? 'X-CSRF-TOKEN']: panel.dataset.csrfToken ?? '',
    'Content-Type': 'application/x-www-form-urlencoded',
  });
  const say = (text: string): void => {
    if (status) status.textContent = text;
  };

  async function refresh(): Promise<void> {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) badges = (await response.json()) as ConfirmationBadge[];
    } catch {
      // a dropped request: the next poll tries again
    }
    decorate();
  }

  function decorate(): void {
    roster?.querySelectorAll<HTMLLIElement>('li[data-participant]').forEach((item) => {
      const id = item.dataset.participant ?? '';
      // only guests carry the host's action buttons: a host's own line gets none
      if (!item.querySelector('button[data-action=remove]')) return;
      let badge = item.querySelector<HTMLElement>('[data-confirmed-badge]');
      const text = badgeFor(badges, id);
      if (text && !badge) {
        badge = document.createElement('span');
        badge.className = 'confirmed-badge';
        badge.dataset.confirmedBadge = '';
        item.append(' ', badge);
      }
      if (badge) badge.textContent = text ? ` ✔ ${text}` : '';
      if (item.querySelector('[data-confirm-identity]')) return;
      const who = item.querySelector('strong')?.textContent ?? '';
      const confirm = button(panel.dataset.confirmText ?? 'Confirm identity', who);
      confirm.dataset.confirmIdentity = '';
      confirm.addEventListener('click', () => void showCode(id));
      const type = button(panel.dataset.typeText ?? 'Type their code', who);
      type.dataset.typeCode = '';
      type.addEventListener('click', () => {
        typingFor = id;
        if (form) form.hidden = false;
        input?.focus();
      });
      item.append(' ', confirm, ' ', type);
    });
  }

  async function showCode(participantId: string): Promise<void> {
    const response = await fetch(`${url}/${participantId}/code`, { method: 'POST', headers: headers() });
    if (!response.ok) {
      say(panel.dataset.notEid ?? '');
      return;
    }
    const shown = (await response.json()) as { code: string; text: string };
    say(shown.text);
  }

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!typingFor || !input) return;
    const body = new URLSearchParams({ code: input.value });
    void fetch(`${url}/${typingFor}/check`, { method: 'POST', headers: headers(), body })
      .then(async (response) => {
        if (!response.ok) {
          say(panel.dataset.notEid ?? '');
          return;
        }
        const result = (await response.json()) as { outcome: string; message: string };
        say(result.message);
        if (result.outcome === 'CONFIRMED') {
          input.value = '';
          form.hidden = true;
          await refresh();
        }
      });
  });

  if (roster) new MutationObserver(() => decorate()).observe(roster, { childList: true });
  void refresh();
  window.setInterval(() => void refresh(), 3000);
}

function button(text: string, who: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'link';
  element.textContent = text;
  element.setAttribute('aria-label', `${text}: ${who}`);
  return element;
}
