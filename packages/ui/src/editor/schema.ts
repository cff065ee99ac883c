import { Schema, type MarkSpec } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { safeHref } from './safeHref';

/**
 * A link that can only point at a web page or an email address: an unsafe href is dropped when
 * pasted (parseDOM) and never rendered (toDOM), whatever a peer wrote into the shared document.
 */
const link: MarkSpec = {
  attrs: { href: {} },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom) => {
        const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
        return href === null ? false : { href };
      },
    },
  ],
  toDOM: (mark) => {
    const href = safeHref(String(mark.attrs['href'] ?? ''));
    return href === null ? ['span', { class: 'rich-text__unsafe-link' }, 0] : ['a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0];
  },
};

/**
 * The rich-text schema of every formatted field: paragraphs, headings, bulleted and numbered
 * lists, bold, italic and links. Node names are those the model's plain JSON and export read (D7).
 */
export const richTextSchema = new Schema({
  nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block'),
  marks: { strong: basic.spec.marks.get('strong')!, em: basic.spec.marks.get('em')!, link },
});
