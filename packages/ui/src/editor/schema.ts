import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { safeHref, sameOriginImageSrc } from './safeHref';

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

const appOrigin = (): string => (typeof window === 'undefined' ? 'http://localhost' : window.location.origin);

/**
 * An image from the app's own origin only (D26): a peer can write an image element with any
 * src into the shared document, and an outside one would tell its host who opened it and when.
 * Such an image renders as nothing (an empty, hidden span) and is never pasted in.
 */
const image: NodeSpec = {
  inline: true,
  attrs: { src: {}, alt: { default: null }, title: { default: null } },
  group: 'inline',
  draggable: true,
  parseDOM: [
    {
      tag: 'img[src]',
      getAttrs: (dom) => {
        const src = sameOriginImageSrc((dom as HTMLElement).getAttribute('src') ?? '', appOrigin());
        return src === null ? false : { src, alt: (dom as HTMLElement).getAttribute('alt'), title: (dom as HTMLElement).getAttribute('title') };
      },
    },
  ],
  toDOM: (node) => {
    const src = sameOriginImageSrc(String(node.attrs['src'] ?? ''), appOrigin());
    if (src === null) return ['span', { class: 'rich-text__refused-image', hidden: 'hidden' }];
    return ['img', { src, alt: node.attrs['alt'] ?? '', ...(node.attrs['title'] ? { title: node.attrs['title'] } : {}), referrerpolicy: 'no-referrer' }];
  },
};

/**
 * The rich-text schema of every formatted field: paragraphs, headings, bulleted and numbered
 * lists, bold, italic and links. Node names are those the model's plain JSON and export read (D7).
 */
export const richTextSchema = new Schema({
  nodes: addListNodes(basic.spec.nodes.update('image', image), 'paragraph block*', 'block'),
  marks: { strong: basic.spec.marks.get('strong')!, em: basic.spec.marks.get('em')!, link },
});
