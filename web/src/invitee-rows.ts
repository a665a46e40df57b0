/**
 * Adds participant rows to the booking form without a round trip to the server.
 * Without JavaScript the same button submits the form and the server adds the row,
 * so the form works either way and keeps what the host typed.
 *
 * Contract with the server-rendered form: rows are `[data-invitee-row]` inside
 * `[data-invitee-rows]`; inputs are named `invitees[N].field` with ids `invitees-N-field`.
 */
export function addInviteeRow(container: HTMLElement): HTMLElement | null {
  const rows = container.querySelectorAll<HTMLElement>('[data-invitee-row]');
  const last = rows[rows.length - 1];
  if (!last) return null;
  const index = rows.length;
  const row = last.cloneNode(true) as HTMLElement;
  row.querySelectorAll<HTMLElement>('[data-field-error]').forEach((error) => error.remove());
  row.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
    input.value = '';
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    input.name = renumber(input.name, index, '[', '].');
    input.id = renumber(input.id, index, '-', '-');
  });
  row.querySelectorAll<HTMLLabelElement>('label').forEach((label) => {
    label.htmlFor = renumber(label.htmlFor, index, '-', '-');
  });
  const heading = row.querySelector<HTMLElement>('[data-invitee-number]');
  if (heading) heading.textContent = String(index + 1);
  last.after(row);
  return row;
}

/** Replaces the row number in `invitees[3].name` or `invitees-3-name`. */
export function renumber(value: string, index: number, open: string, close: string): string {
  const prefix = 'invitees' + open;
  if (!value.startsWith(prefix)) return value;
  const end = value.indexOf(close, prefix.length);
  if (end < 0) return value;
  return prefix + index + value.substring(end);
}
