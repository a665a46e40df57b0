import { addInviteeRow } from './invitee-rows';
import { follow } from './eid-progress';
import { countDown } from './countdown';
import { prejoin } from './prejoin';
import { meetingRoom } from './meeting-room';
import { waitingRoom } from './waiting-room';
import { hostConsole } from './console';
import { identityConfirmation } from './identity-confirmation';
import { equipmentTest } from './equipment-test';

// Progressive enhancement for the host portal's server-rendered pages.
document.querySelectorAll<HTMLButtonElement>('[data-add-invitee]').forEach((button) => {
  button.addEventListener('click', (event) => {
    const container = document.querySelector<HTMLElement>('[data-invitee-rows]');
    if (!container) return;
    event.preventDefault();
    const row = addInviteeRow(container);
    row?.querySelector<HTMLInputElement>('input')?.focus();
  });
});

document.querySelectorAll<HTMLElement>('[data-eid-progress]').forEach(follow);
document.querySelectorAll<HTMLElement>('[data-countdown]').forEach((element) => countDown(element));
document.querySelectorAll<HTMLElement>('[data-prejoin]').forEach(prejoin);
document.querySelectorAll<HTMLElement>('[data-meeting-room]').forEach(meetingRoom);
document.querySelectorAll<HTMLElement>('[data-waiting-room]').forEach(waitingRoom);
document.querySelectorAll<HTMLElement>('[data-console]').forEach(hostConsole);
document.querySelectorAll<HTMLElement>('[data-identity-confirmation]').forEach(identityConfirmation);
document.querySelectorAll<HTMLElement>('[data-equipment-test]').forEach(equipmentTest);

// the installable app: the service worker keeps only the client shell (app/src/main/resources/static/sw.js)
const manifest = document.querySelector<HTMLLinkElement>('link[rel=manifest]');
if (manifest && 'serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', manifest.href).href).catch(() => undefined);
}
