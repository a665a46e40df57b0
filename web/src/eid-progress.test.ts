import { describe, expect, it } from 'vitest';
import { show, type EidPage } from './eid-progress';

function page(): EidPage {
  document.body.innerHTML = `
    <p data-eid-message role="status">Starta BankID-appen.</p>
    <img data-eid-qr>
    <p data-eid-retry hidden></p>
    <form data-eid-cancel></form>`;
  return {
    message: document.querySelector<HTMLElement>('[data-eid-message]')!,
    qr: document.querySelector<HTMLImageElement>('[data-eid-qr]'),
    retry: document.querySelector<HTMLElement>('[data-eid-retry]'),
    cancel: document.querySelector<HTMLFormElement>('[data-eid-cancel]'),
  };
}

describe('show', () => {
  it('keeps the QR code while BankID waits for a scan and hides it once scanned', () => {
    const p = page();
    expect(show(p, { status: 'PENDING', message: 'Starta BankID-appen.', qr: true, next: null })).toBeNull();
    expect(p.qr!.hidden).toBe(false);
    show(p, { status: 'PENDING', message: 'Skriv in din säkerhetskod i BankID-appen.', qr: false, next: null });
    expect(p.qr!.hidden).toBe(true);
    expect(p.message.textContent).toBe('Skriv in din säkerhetskod i BankID-appen.');
  });

  it('announces a failure and offers to try again', () => {
    const p = page();
    expect(show(p, { status: 'FAILED', message: 'Åtgärden avbruten.', qr: false, next: '/m/x/eid' })).toBeNull();
    expect(p.message.getAttribute('role')).toBe('alert');
    expect(p.retry!.hidden).toBe(false);
    expect(p.cancel!.hidden).toBe(true);
  });

  it('goes on when complete', () => {
    expect(show(page(), { status: 'COMPLETE', message: '', qr: false, next: '/m/x/info' })).toBe('/m/x/info');
  });
});
