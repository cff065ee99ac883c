import type { Lang } from '../domain/bilingual';
import type { DocumentJson } from './plainJson';
import { isTextNode, type RichNode } from './richText';
import { toBlocks, type Block } from './renderBlocks';
import { safeHref } from './safeLinks';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


const markTag: Record<string, string> = { strong: 'strong', bold: 'strong', em: 'em', italic: 'em', code: 'code', strike: 's', underline: 'u' };
const blockTag: Record<string, string> = { paragraph: 'p', bullet_list: 'ul', ordered_list: 'ol', list_item: 'li', blockquote: 'blockquote', code_block: 'pre' };

function rich(nodes: readonly RichNode[]): string {
  return nodes
    .map((n) => {
      if (isTextNode(n)) {
        let s = escapeHtml(n.text);
        for (const m of n.marks ?? []) {
          const tag = markTag[m];
          if (tag !== undefined) s = `<${tag}>${s}</${tag}>`;
        }
        // Only web and mail links survive (D25); an image never does (D26: exports have no images).
        const href = n.href === undefined ? null : safeHref(n.href);
        return href === null ? s : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${s}</a>`;
      }
      if (n.type === 'hard_break') return '<br>';
      if (n.type === 'image') return '';
      if (n.type === 'heading') {
        const level = Number(n.attrs?.['level'] ?? 1) || 1;
        const tag = `h${Math.min(6, Math.max(4, level + 3))}`;
        return `<${tag}>${rich(n.content)}</${tag}>`;
      }
      const tag = blockTag[n.type] ?? 'div';
      return `<${tag}>${rich(n.content)}</${tag}>`;
    })
    .join('');
}

function block(b: Block): string {
  switch (b.t) {
    case 'h':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'p':
      return `<p>${b.text.split('\n').map(escapeHtml).join('<br>')}</p>`;
    case 'rich':
      return rich(b.nodes);
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${i.label !== undefined ? `<strong>${escapeHtml(i.label)}</strong>: ` : ''}${escapeHtml(i.text)}</li>`).join('')}</ul>`;
  }
}

/** Blocks as HTML elements, every piece of people's text escaped (the summary page uses it too). */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(block).join('\n');
}

/** D8: the document as an HTML fragment in one language, wrapped in an element with `lang`. */
export function renderHtml(json: DocumentJson, lang: Lang): string {
  return `<article lang="${lang}">\n${blocksToHtml(toBlocks(json, lang))}\n</article>\n`;
}
