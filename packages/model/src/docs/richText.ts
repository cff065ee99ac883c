import * as Y from 'yjs';

/**
 * Rich text as plain JSON. The web client binds Y.XmlFragment to ProseMirror (y-prosemirror),
 * which stores block nodes as XmlElements named after the node type ('paragraph', 'heading',
 * 'bullet_list', 'list_item', ...) and marks as text attributes named after the mark ('strong',
 * 'em', 'link' with {href}). This tree keeps exactly that, so renderers need no Yjs (D7).
 */
export type RichNode =
  | { type: 'text'; text: string; marks?: string[]; href?: string }
  | { type: string; attrs?: Record<string, string | number | boolean>; content: RichNode[] };

export type RichTextNode = Extract<RichNode, { text: string }>;

export function isTextNode(node: RichNode): node is RichTextNode {
  return node.type === 'text' && 'text' in node;
}

function attrsOf(el: Y.XmlElement): Record<string, string | number | boolean> | undefined {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(el.getAttributes())) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function textNodes(text: Y.XmlText): RichNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta.flatMap((op) => {
    if (typeof op.insert !== 'string') return [];
    const node: RichTextNode = { type: 'text', text: op.insert };
    const marks = Object.keys(op.attributes ?? {}).sort();
    if (marks.length > 0) node.marks = marks;
    const link = op.attributes?.['link'] as { href?: unknown } | undefined;
    if (typeof link?.href === 'string') node.href = link.href;
    return [node];
  });
}

function nodesOf(children: readonly (Y.XmlElement | Y.XmlText)[]): RichNode[] {
  return children.flatMap((c) =>
    c instanceof Y.XmlText ? textNodes(c) : [{ type: c.nodeName, ...optional('attrs', attrsOf(c)), content: nodesOf(c.toArray() as (Y.XmlElement | Y.XmlText)[]) }],
  );
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function richTextToJson(fragment: Y.XmlFragment): RichNode[] {
  return nodesOf(fragment.toArray() as (Y.XmlElement | Y.XmlText)[]);
}

/** Plain text of a tree: blocks separated by blank lines, for search and previews. */
export function richTextPlain(nodes: readonly RichNode[]): string {
  const block = (n: RichNode): string => (isTextNode(n) ? n.text : n.content.map(block).join(n.content.every(isTextNode) ? '' : '\n'));
  return nodes.map(block).join('\n\n');
}

/** Replaces the content with plain paragraphs (seeding, tests, imports from plain text). */
export function setParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  const apply = (): void => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, paragraphs.map(paragraphElement));
  };
  if (fragment.doc !== null) fragment.doc.transact(apply);
  else apply();
}

/** A ProseMirror-compatible paragraph element holding one text run. */
export function paragraphElement(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}
