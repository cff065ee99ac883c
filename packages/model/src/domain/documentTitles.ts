import { z } from 'zod';
import type { Lang } from './bilingual';
import { bidiControlMessage, hasBidiControl } from './displayText';

/**
 * D45: a document's title in Welsh and in English. A school may name a document in one language
 * only, so either may be empty, never both; each is trimmed, at most 200 characters and free of
 * bidirectional controls (D27). The single `title` the rest of the product reads is Welsh first.
 */
const oneTitle = z.string().trim().max(200).refine((text) => !hasBidiControl(text), { message: bidiControlMessage });

export const DocumentTitles = z
  .object({ cy: oneTitle, en: oneTitle })
  .refine((t) => t.cy.length > 0 || t.en.length > 0, { message: 'A document needs a title in at least one language.', path: ['cy'] });
export type DocumentTitles = z.infer<typeof DocumentTitles>;

/** The one title lists, exports and the live document's meta carry: Welsh first (M12). */
export function primaryTitle(titles: DocumentTitles): string {
  return titles.cy || titles.en;
}

/** The title in the reader's language, the other language's when that one is empty. */
export function titleIn(titles: DocumentTitles, lang: Lang): string {
  const other: Lang = lang === 'cy' ? 'en' : 'cy';
  return titles[lang] || titles[other];
}

/** The titles of a document named before titles were bilingual: its one title, in both slots' first. */
export function titlesOf(record: { title: string; titles?: DocumentTitles | undefined }): DocumentTitles {
  return record.titles ?? { cy: record.title, en: '' };
}
