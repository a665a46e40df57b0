// Follows an e-legitimation order on its progress page: asks the server for the status every 2 seconds
// (BankID's recommended collect interval) and for a fresh QR code every second (BankID's animated QR).
// The server holds every secret; this script only shows what it is told.

export interface EidStatus {
  status: 'PENDING' | 'COMPLETE' | 'FAILED';
  message: string;
  qr: boolean;
  next: string | null;
}

export interface EidPage {
  message: HTMLElement;
  qr: HTMLImageElement | null;
  retry: HTMLElement | null;
  cancel: HTMLFormElement | null;
}

/** Shows one status on the page; returns where to go next, if anywhere. */
export function show(page: EidPage, status: EidStatus): string | null {
  if (status.message) page.message.textContent = status.message;
  if (page.qr) page.qr.hidden = !(status.status === 'PENDING' && status.qr);
  if (status.status === 'FAILED') {
    if (page.retry) page.retry.hidden = false;
    if (page.cancel) page.cancel.hidden = true;
    page.message.setAttribute('role', 'alert');
    return null;
  }
  return status.status === 'COMPLETE' ? status.next : null;
}

export function follow(section: HTMLElement): void {
  const statusUrl = section.dataset.statusUrl!;
  const qrUrl = section.dataset.qrUrl!;
  const cancelUrl = section.dataset.cancelUrl!;
  const page: EidPage = {
    message: section.querySelector<HTMLElement>('[data-eid-message]')!,
    qr: section.querySelector<HTMLImageElement>('[data-eid-qr]'),
    retry: section.querySelector<HTMLElement>('[data-eid-retry]'),
    cancel: section.querySelector<HTMLFormElement>('[data-eid-cancel]'),
  };
  let ended = false;
  let qrShown = page.qr !== null;

  const qrTimer = window.setInterval(() => {
    if (page.qr && qrShown && !ended) page.qr.src = `${qrUrl}?t=${Date.now()}`;
  }, 1000);

  const poll = async (): Promise<void> => {
    try {
      const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const status = (await response.json()) as EidStatus;
        qrShown = status.qr;
        const next = show(page, status);
        if (status.status !== 'PENDING') {
          ended = true;
          window.clearInterval(qrTimer);
          if (next) window.location.assign(next);
          return;
        }
      }
    } catch {
      // a dropped request: the next poll tries again
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 1000);

  // leaving the page cancels the order, so the person's app stops asking (BankID's guidelines)
  window.addEventListener('pagehide', () => {
    if (ended || !page.cancel) return;
    navigator.sendBeacon(cancelUrl, new FormData(page.cancel));
  });
}
