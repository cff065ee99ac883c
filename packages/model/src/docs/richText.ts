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

function yNodesOf(nodes: readonly RichNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  // A prelim XmlText does not count its length yet: keep the offset of the current text here.
  let offset = 0;
  for (const n of nodes) {
    if (isTextNode(n)) {
      // Consecutive text runs go into one XmlText, as y-prosemirror writes them.
      const attributes: Record<string, unknown> = Object.fromEntries((n.marks ?? []).map((m) => [m, m === 'link' ? { href: n.href ?? '' } : {}]));
      const last = out[out.length - 1];
      const text = last instanceof Y.XmlText ? last : new Y.XmlText();
      if (text !== last) { out.push(text); offset = 0; }
      text.insert(offset, n.text, attributes);
      offset += n.text.length;
      continue;
    }
    const el = new Y.XmlElement(n.type);
    for (const [k, v] of Object.entries(n.attrs ?? {})) el.setAttribute(k, v as string);
    el.insert(0, yNodesOf(n.content));
    out.push(el);
  }
  return out;
}

/** Replaces a fragment's content with a RichNode tree (restoring an agreed version, D18). */
export function setRichText(fragment: Y.XmlFragment, nodes: readonly RichNode[]): void {
  const apply = (): void => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, yNodesOf(nodes));
  };
  if (fragment.doc !== null) fragment.doc.transact(apply);
  else apply();
}
