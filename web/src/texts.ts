// Texts the server rendered in the user's language into a <template data-texts>, read once per page.
export type Texts = Record<string, string>;

export function readTexts(root: ParentNode): Texts {
  const template = root.querySelector<HTMLTemplateElement>('template[data-texts]');
  const texts: Texts = {};
  template?.content.querySelectorAll<HTMLElement>('[data-key]').forEach((span) => {
    texts[span.dataset.key ?? ''] = span.textContent ?? '';
  });
  return texts;
}

/** Fills {0}, {1}... in a text; a missing text shows its key, so a gap is visible rather than silent. */
export function format(texts: Texts, key: string, ...args: Array<string | number>): string {
  const template = texts[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** The words for a refused message: its own text where the page has one, else the generic "that did not work". */
export function errorText(texts: Texts, code: string): string {
  return texts[`error.${code}`] ?? format(texts, 'error', code);
}
