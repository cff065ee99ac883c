import type { Lang } from '../domain/bilingual';
import type { DocumentJson } from './plainJson';
import { isTextNode, type RichNode } from './richText';
import { toBlocks, type Block } from './renderBlocks';
import { safeHref } from './safeLinks';

/**
 * Escapes Markdown syntax in user text so it renders as written, never as markup: inline
 * syntax everywhere, and block syntax (headings, quotes, list markers) at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-]|\d+[.)])/gm, (_m, space: string, marker: string) => `${space}\\${marker}`);
}

/** A list item's text: later lines are indented so they stay inside the item. */
const listText = (text: string): string => text.split('\n').map(escapeMarkdown).join('  \n  ');

const markWrap: Record<string, string> = { strong: '**', bold: '**', em: '_', italic: '_', code: '`', strike: '~~' };

function inline(nodes: readonly RichNode[]): string {
  return nodes
    .map((n) => {
      if (!isTextNode(n)) return n.type === 'hard_break' ? '  \n' : n.type === 'image' ? '' : inline(n.content);
      let s = escapeMarkdown(n.text);
      for (const m of n.marks ?? []) {
        const w = markWrap[m];
        if (w !== undefined) s = `${w}${s}${w}`;
      }
      // Only web and mail links become links; anything else stays plain text.
      const safe = n.href === undefined ? null : safeHref(n.href);
      const href = safe === null ? null : encodeURI(safe).replace(/\(/g, '%28').replace(/\)/g, '%29');
      return href === null ? s : `[${s}](${href})`;
    })
    .join('');
}

function richBlocks(nodes: readonly RichNode[], prefix = ''): string[] {
  return nodes.flatMap((n): string[] => {
    if (isTextNode(n)) return [prefix + inline([n])];
    const level = Number(n.attrs?.['level'] ?? 1) || 1;
    switch (n.type) {
      case 'heading':
        return [`${prefix}${'#'.repeat(Math.min(6, level + 3))} ${inline(n.content)}`];
      case 'bullet_list':
      case 'ordered_list':
        return [
          n.content
            .map((item, i) => `${prefix}${n.type === 'ordered_list' ? `${i + 1}.` : '-'} ${richBlocks(isTextNode(item) ? [item] : item.content).join(' ')}`)
            .join('\n'),
        ];
      case 'blockquote':
        return richBlocks(n.content, `${prefix}> `);
      default:
        return [prefix + inline(n.content)];
    }
  });
}

function block(b: Block): string {
  switch (b.t) {
    case 'h':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'p':
      return b.text.split('\n').map(escapeMarkdown).join('  \n');
    case 'rich':
      return richBlocks(b.nodes).join('\n\n');
    case 'list':
      return b.items.map((i) => `- ${i.label !== undefined ? `**${escapeMarkdown(i.label)}**: ` : ''}${listText(i.text)}`).join('\n');
  }
}

/** Blocks as Markdown (the published summary's export uses the same renderer). */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}

/** D8: the document as Markdown in one language (labels in `lang`, user text as written). */
export function renderMarkdown(json: DocumentJson, lang: Lang): string {
  return blocksToMarkdown(toBlocks(json, lang));
}
