/**
 * Reading and placing the caret in the three kinds of field (input, textarea, ProseMirror), as
 * text offsets. In a formatted field the offset counts the characters of its first paragraph,
 * leaving out the labels of remote cursors drawn inside the text.
 */
import type { Locator } from 'playwright-core';

export type FieldKind = 'single-line' | 'multi-line' | 'formatted';

export async function fieldText(field: Locator, kind: FieldKind): Promise<string> {
  if (kind !== 'formatted') return field.inputValue();
  return field.evaluate((root) => {
    const paragraph = root.querySelector('p') ?? root;
    let text = '';
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.ProseMirror-yjs-cursor')) text += node.textContent ?? '';
    }
    return text;
  });
}

export async function caretOffset(field: Locator, kind: FieldKind): Promise<number | null> {
  if (kind !== 'formatted') return field.evaluate((el) => (el as HTMLInputElement).selectionStart);
  return field.evaluate((root) => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return null;
    const paragraph = root.querySelector('p') ?? root;
    let offset = 0;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.ProseMirror-yjs-cursor')) continue;
      if (node === selection.anchorNode) return offset + selection.anchorOffset;
      offset += node.textContent?.length ?? 0;
    }
    // The caret sits between nodes (e.g. next to a cursor widget): find it by comparing ranges.
    const probe = document.createRange();
    probe.setStart(paragraph, 0);
    probe.setEnd(selection.anchorNode!, selection.anchorOffset);
    const copy = probe.cloneContents();
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
    return copy.textContent?.length ?? null;
  });
}

/** Focuses the field and puts the caret `offset` characters in. */
export async function placeCaret(field: Locator, kind: FieldKind, offset: number): Promise<void> {
  await field.focus();
  if (kind !== 'formatted') {
    await field.evaluate((el, at) => (el as HTMLInputElement).setSelectionRange(at, at), offset);
    return;
  }
  await field.evaluate((root, at) => {
    const paragraph = root.querySelector('p') ?? root;
    let left = at;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.ProseMirror-yjs-cursor')) continue;
      const length = node.textContent?.length ?? 0;
      if (left <= length) {
        document.getSelection()?.collapse(node, left);
        return;
      }
      left -= length;
    }
    document.getSelection()?.collapse(paragraph, paragraph.childNodes.length);
  }, offset);
  // ProseMirror reads the DOM selection on selectionchange; let it.
  await field.page().waitForFunction(() => true);
  await field.page().waitForTimeout(50);
}
