import { personColour } from '../presence/personColour';

interface CursorUser {
  personId?: string;
  name?: string;
  schoolName?: string;
}

/**
 * A remote caret labelled with the person's name and school (as stamped by the server). The
 * label is text, so the cursor is identifiable without its colour.
 */
export function buildCursor(user: CursorUser, clientId: number): HTMLElement {
  const colour = personColour(user.personId ?? String(clientId));
  const caret = document.createElement('span');
  caret.classList.add('ProseMirror-yjs-cursor');
  // Through the CSSOM, not a style attribute: the CSP (style-src 'self') refuses inline style attributes.
  caret.style.borderColor = colour;
  caret.setAttribute('data-person', user.personId ?? '');
  const label = document.createElement('span');
  label.classList.add('cursor-label');
  label.style.backgroundColor = colour;
  label.textContent = user.schoolName ? `${user.name ?? '?'} · ${user.schoolName}` : (user.name ?? '?');
  // No text nodes beside the label: a click or Ctrl+End could otherwise put the browser's caret
  // inside this non-editable widget, where Chromium silently drops what is typed next.
  caret.append(label);
  return caret;
}
