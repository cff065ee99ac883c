import type { Bilingual } from '../domain/bilingual';
import type { DocumentJson } from './plainJson';
import { toBlocks, type Block } from './renderBlocks';
import { richTextPlain } from './richText';
import { foldForSearch } from './searchText';

export { foldForSearch, matchesAll, searchTerms } from './searchText';

/**
 * D50: a document's text by section, for search and for "what changed" (ACCESS.md A120-A135).
 * Sections are the export's headings (level 2, and level 3 beneath them), so a section is
 * named the way the export and the screen name it, in both languages; its text is the people's
 * text under it. Pure: the same document gives the same sections.
 */
export interface SectionText {
  /** Stable while the heading stays: the English label, numbered when two sections share it. */
  key: string;
  label: Bilingual;
  text: string;
}

/** D52: an action with an owner or a due date, wherever the document keeps one. */
export interface OwnedAction {
  id: string;
  description: string;
  ownerName: string;
  /** The owner's account when the action names one (plans); '' otherwise. */
  ownerPersonId: string;
  due: string;
  done: boolean;
  /** The priority title or meeting date it sits under. */
  where: string;
}

export interface DocumentText {
  sections: SectionText[];
  actions: OwnedAction[];
}

/** Our own "nothing written yet" words, which are not anyone's text. */
const noneWords = new Set(['Dim eto.', 'None yet.']);

function blockText(block: Block): string {
  switch (block.t) {
    case 'h':
      return '';
    case 'p':
      return noneWords.has(block.text) ? '' : block.text;
    case 'rich':
      return richTextPlain(block.nodes);
    case 'list':
      return block.items.map((item) => (item.label ? `${item.label}: ${item.text}` : item.text)).join('\n');
  }
}

export function documentSections(json: DocumentJson): SectionText[] {
  const en = toBlocks(json, 'en');
  const cy = toBlocks(json, 'cy');
  const sections: SectionText[] = [];
  const seen = new Map<string, number>();
  let top: Bilingual | null = null;
  let current: { label: Bilingual; parts: string[] } | null = null;
  const close = (): void => {
    if (!current) return;
    const base = current.label.en;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    sections.push({ key: count === 1 ? base : `${base} #${count}`, label: current.label, text: current.parts.filter((p) => p !== '').join('\n') });
  };
  en.forEach((block, index) => {
    const other = cy[index];
    if (block.t === 'h' && block.level > 1) {
      // Both renderings walk the same JSON, so their blocks line up; a Welsh label falls back to English otherwise.
      const label = { cy: other?.t === 'h' ? other.text : block.text, en: block.text };
      close();
      if (block.level === 2) top = label;
      current = { label: block.level === 3 && top ? { cy: `${top.cy} › ${label.cy}`, en: `${top.en} › ${label.en}` } : label, parts: [] };
      return;
    }
    current?.parts.push(blockText(block));
  });
  close();
  return sections;
}

export function documentActions(json: DocumentJson): OwnedAction[] {
  const own = (a: { id: string; description: string; ownerName: string; due: string; done: boolean; ownerPersonId?: string }, where: string): OwnedAction => ({
    id: a.id, description: a.description, ownerName: a.ownerName, ownerPersonId: a.ownerPersonId ?? '', due: a.due, done: a.done, where,
  });
  switch (json.kind) {
    case 'workspace':
      return [
        ...json.priorities.flatMap((p) => p.actions.map((a) => own(a, p.title))),
        ...json.meetings.flatMap((m) => m.actions.map((a) => own(a, m.date))),
      ];
    case 'development-plan':
      return json.priorities.flatMap((p) => p.actions.map((a) => own(a, p.title)));
    default:
      return [];
  }
}

export function documentText(json: DocumentJson): DocumentText {
  return { sections: documentSections(json), actions: documentActions(json) };
}

/** D53: the sections whose text differs between two extractions of one document (added or changed). */
export function changedSections(before: readonly SectionText[], after: readonly SectionText[]): SectionText[] {
  const old = new Map(before.map((s) => [s.key, s.text]));
  const gone = before.filter((s) => !after.some((a) => a.key === s.key));
  // A removed section counts as a change to it (a deleted priority, an emptied meeting).
  return [...after.filter((s) => old.get(s.key) !== s.text), ...gone.map((s) => ({ ...s, text: '' }))];
}

/**
 * D51: the words around the first term's first place in a section, at most `radius` characters
 * either side, cut at word boundaries. Plain text: the client shows it as text, never as markup.
 */
export function snippetAround(text: string, term: string, radius = 70): string | null {
  const folded = foldForSearch(text);
  const at = folded.indexOf(term);
  if (at < 0) return null;
  // Folding keeps one character per precomposed letter; if it did not, show the folded text.
  const source = folded.length === text.length ? text : folded;
  let start = Math.max(0, at - radius);
  let end = Math.min(source.length, at + term.length + radius);
  if (start > 0) start = source.indexOf(' ', start) + 1 || start;
  if (end < source.length) end = source.lastIndexOf(' ', end) > at ? source.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${source.slice(start, end).replace(/\s+/g, ' ').trim()}${end < source.length ? ' …' : ''}`;
}
