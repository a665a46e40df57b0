// Counts down to the moment joining opens; the server decides, so at zero the page simply reloads.

/** "m:ss", or "h:mm:ss" from an hour up. */
export function remaining(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function countDown(element: HTMLElement, now: () => number = Date.now): void {
  const opensAt = Date.parse(element.dataset.opensAt!);
  const template = element.dataset.template ?? '{0}';
  element.hidden = false;
  const tick = (): void => {
    const left = opensAt - now();
    element.textContent = template.replace('{0}', remaining(left));
    if (left <= 0) {
      window.location.reload();
      return;
    }
    window.setTimeout(tick, 1000);
  };
  tick();
}
