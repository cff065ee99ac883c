/**
 * Search over the documents a person may read (A120). The policy picks the documents first
 * (readable.ts); only their stored text is then read, matched, ranked and cut into snippets,
 * so nothing of a document the person may not read is ever looked at on their behalf.
 */
import { foldForSearch, searchTerms, snippetAround } from '@cydweithio/model/docs/documentText';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import type { AccessServices } from '../access/services';
import type { ActivityStore } from './activity-store';
import { readableDocuments } from './readable';

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  owner: { type: 'school' | 'collaborative'; name: Bilingual | null };
  /** The section the snippet comes from; null when only the title matched. */
  section: Bilingual | null;
  snippet: string | null;
}

const count = (haystack: string, term: string): number => haystack.split(term).length - 1;

export async function search(services: AccessServices, store: ActivityStore, personId: string, query: string, limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const { docs } = await readableDocuments(services, personId, 'search');
  const counts = await store.termCounts(docs.map((d) => d.record.id), terms);
  const scored = docs.flatMap((doc) => {
    const inText = counts.get(doc.record.id) ?? terms.map(() => 0);
    const title = foldForSearch(doc.record.title);
    const inTitle = terms.map((term) => count(title, term));
    // Every term in the title or the text (D51).
    if (!terms.every((_, i) => (inTitle[i] ?? 0) + (inText[i] ?? 0) > 0)) return [];
    // Title words weigh most; then how often the words occur in the text.
    const score = terms.reduce((sum, _, i) => sum + 10 * (inTitle[i] ?? 0) + (inText[i] ?? 0), 0);
    return [{ doc, score, inText: terms.find((_, i) => (inText[i] ?? 0) > 0) }];
  }).sort((a, b) => b.score - a.score || a.doc.record.title.localeCompare(b.doc.record.title)).slice(0, limit);
  // Sections are read and cut into snippets only for the hits shown.
  const sections = new Map((await store.texts(scored.filter((s) => s.inText !== undefined).map((s) => s.doc.record.id))).map((t) => [t.docId, t.sections]));
  return scored.map(({ doc: { record, ownerName }, inText }): SearchHit => {
    const section = inText === undefined ? undefined : sections.get(record.id)?.find((s) => foldForSearch(s.text).includes(inText));
    return {
      id: record.id, kind: record.kind, title: record.title,
      owner: { type: record.owner.type, name: ownerName },
      section: section?.label ?? null,
      snippet: section && inText ? snippetAround(section.text, inText) : null,
    };
  });
}
