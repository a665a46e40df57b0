import { describe, expect, it } from 'vitest';
import { addInviteeRow, renumber } from './invitee-rows';

function form(): HTMLElement {
  document.body.innerHTML = `
    <div data-invitee-rows>
      <fieldset data-invitee-row>
        <legend>Deltagare <span data-invitee-number>1</span></legend>
        <label for="invitees-0-name">Namn</label>
        <input id="invitees-0-name" name="invitees[0].name" value="Anna" aria-invalid="true">
        <p data-field-error>Ange namn</p>
        <label for="invitees-0-email">E-post</label>
        <input id="invitees-0-email" name="invitees[0].email" value="anna@example.se">
      </fieldset>
    </div>`;
  return document.querySelector<HTMLElement>('[data-invitee-rows]')!;
}

describe('addInviteeRow', () => {
  it('adds an empty, renumbered row after the last one', () => {
    const container = form();
    const row = addInviteeRow(container)!;
    const inputs = row.querySelectorAll('input');
    expect(container.querySelectorAll('[data-invitee-row]')).toHaveLength(2);
    expect(inputs[0].name).toBe('invitees[1].name');
    expect(inputs[0].id).toBe('invitees-1-name');
    expect(inputs[0].value).toBe('');
    expect(inputs[0].hasAttribute('aria-invalid')).toBe(false);
    expect(inputs[1].name).toBe('invitees[1].email');
    expect(row.querySelector('label')!.htmlFor).toBe('invitees-1-name');
    expect(row.querySelector('[data-invitee-number]')!.textContent).toBe('2');
    expect(row.querySelector('[data-field-error]')).toBeNull();
  });

  it('leaves the typed values of earlier rows alone', () => {
    const container = form();
    addInviteeRow(container);
    expect(container.querySelector<HTMLInputElement>('#invitees-0-name')!.value).toBe('Anna');
  });
});

describe('renumber', () => {
  it.each([
    ['invitees[0].name', '[', '].', 'invitees[7].name'],
    ['invitees[12].mobile', '[', '].', 'invitees[7].mobile'],
    ['invitees-3-email', '-', '-', 'invitees-7-email'],
    ['title', '[', '].', 'title'],
  ])('%s becomes %s', (value, open, close, expected) => {
    expect(renumber(value, 7, open, close)).toBe(expected);
  });
});
