import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, setTitle, setTitles, titleIn } from '../src/docs/meta';

describe('titles in both languages', () => {
  it('D60: a rename writes both titles and the Welsh-first one in one transaction; each language reads its own', () => {
    const doc = new Y.Doc();
    setTitle(doc, 'Hunanarfarnu 2025');
    expect(titleIn(metaMap(doc).toJSON(), 'en')).toBeUndefined();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    setTitles(doc, { cy: 'Hunanarfarnu 2026', en: 'Self-evaluation 2026' }, 'Hunanarfarnu 2026');
    expect(transactions).toBe(1);
    const meta = metaMap(doc).toJSON();
    expect(meta['title']).toBe('Hunanarfarnu 2026');
    expect(titleIn(meta, 'cy')).toBe('Hunanarfarnu 2026');
    expect(titleIn(meta, 'en')).toBe('Self-evaluation 2026');
  });

  it('D60: an empty title in one language reads as none, so the caller falls back to the title', () => {
    const doc = new Y.Doc();
    setTitles(doc, { cy: '', en: 'Peer review' }, 'Peer review');
    const meta = metaMap(doc).toJSON();
    expect(titleIn(meta, 'cy')).toBeUndefined();
    expect(titleIn(meta, 'en')).toBe('Peer review');
  });
});
