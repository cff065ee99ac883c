import type * as Y from 'yjs';

/** A plain field bound to a Y.Text (packages/ui YTextField). */
export type PlainField = HTMLInputElement | HTMLTextAreaElement;

/** The class a plain field carries while it holds an open thread (it cannot mark words inside). */
export const commentedFieldClass = 'plain-field--commented';

/** The field's name as its label gives it, for the panel ("in Success criteria"). */
export function plainFieldLabel(element: PlainField): string {
  return element.labels?.[0]?.textContent?.trim() ?? element.getAttribute('aria-label') ?? '';
}

/**
 * The selection of a plain field as indices in its text, or null when nothing (or only white
 * space) is selected, or the field does not show the text it is bound to (a remote change not
 * yet written into it): indices into a different value would anchor the wrong words.
 * An input keeps its selection when focus moves to a button, so this is read on the click.
 */
export function plainSelection(element: PlainField, text: Y.Text): { from: number; to: number; words: string } | null {
  const from = element.selectionStart ?? 0;
  const to = element.selectionEnd ?? 0;
  if (to <= from || element.value !== text.toString()) return null;
  const words = element.value.slice(from, to);
  return words.trim() === '' ? null : { from, to, words };
}
