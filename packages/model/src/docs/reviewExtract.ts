import type * as Y from 'yjs';
import { safeHref, sameOriginImageSrc } from './safeLinks';
import { metaMap, readMeta, str } from './meta';
import { peerReview } from './peerReview';
import { isTextNode, richTextToJson, setRichText, type RichNode } from './richText';

/**
 * D61 layout of a review extract (a peer review's strengths, published to a collaborative):
 *   meta: + hostSchoolId, fromReviewId, collaborativeId
 *   focus: root Y.Text (the review's agreed focus, so readers know what the strengths are of)
 *   strengths: root Y.XmlFragment (the same schema as the review's strengths section)
 * Nothing else: no notes, next steps, participants or visit log ever reach an extract.
 */
export interface ExtractOrigin {
  hostSchoolId: string;
  fromReviewId: string;
  collaborativeId: string;
}

export function reviewExtract(doc: Y.Doc) {
  return {
    origin: (): ExtractOrigin => {
      const meta = metaMap(doc);
      return { hostSchoolId: str(meta, 'hostSchoolId'), fromReviewId: str(meta, 'fromReviewId'), collaborativeId: str(meta, 'collaborativeId') };
    },
    focus: (): Y.Text => doc.getText('focus'),
    strengths: (): Y.XmlFragment => doc.getXmlFragment('strengths'),
  };
}

/** Writes the origin into meta (initialise calls it inside its transaction). */
export function initialiseExtractLayout(meta: Y.Map<unknown>, origin: ExtractOrigin): void {
  meta.set('hostSchoolId', origin.hostSchoolId);
  meta.set('fromReviewId', origin.fromReviewId);
  meta.set('collaborativeId', origin.collaborativeId);
}

/** The node names the rich-text editor's schema knows (D7); anything else is not copied. */
const copiedNodeTypes = new Set(['paragraph', 'heading', 'bullet_list', 'ordered_list', 'list_item', 'blockquote', 'hard_break', 'horizontal_rule', 'code_block', 'image']);
const copiedMarks = new Set(['strong', 'em', 'link']);

/**
 * D62: the review's strengths as they will be copied: only the editor schema's nodes and marks,
 * a link kept only when safeHref accepts it (its text stays, unlinked, otherwise) and an image
 * only from the app's own origin. What a person wrote is data; nothing copied can run.
 */
export function safeStrengths(nodes: readonly RichNode[], appOrigin = 'http://localhost'): RichNode[] {
  return nodes.flatMap((n): RichNode[] => {
    if (isTextNode(n)) {
      const href = n.href === undefined ? null : safeHref(n.href);
      const marks = (n.marks ?? []).filter((m) => copiedMarks.has(m) && (m !== 'link' || href !== null));
      return [{ type: 'text', text: n.text, ...(marks.length > 0 ? { marks } : {}), ...(href !== null && marks.includes('link') ? { href } : {}) }];
    }
    if (!copiedNodeTypes.has(n.type)) {
      // A node the editor does not know keeps its words: as a paragraph when it holds only text.
      const inner = safeStrengths(n.content, appOrigin);
      return inner.length > 0 && inner.every(isTextNode) ? [{ type: 'paragraph', content: inner }] : inner;
    }
    if (n.type === 'image') {
      const src = sameOriginImageSrc(String(n.attrs?.['src'] ?? ''), appOrigin);
      return src === null ? [] : [{ type: 'image', attrs: { src, ...(typeof n.attrs?.['alt'] === 'string' ? { alt: n.attrs['alt'] } : {}) }, content: [] }];
    }
    return [{ type: n.type, ...(n.attrs ? { attrs: n.attrs } : {}), content: safeStrengths(n.content, appOrigin) }];
  });
}

/**
 * D63: copies the review's focus and strengths into the extract, replacing what it held, in one
 * transaction (a refresh is one change for every open copy). Reads only those two parts.
 */
export function copyStrengths(review: Y.Doc, extract: Y.Doc): void {
  const source = peerReview(review);
  const focus = source.focus().toString();
  const strengths = safeStrengths(richTextToJson(source.section('strengths')));
  const target = reviewExtract(extract);
  extract.transact(() => {
    const text = target.focus();
    text.delete(0, text.length);
    text.insert(0, focus);
    setRichText(target.strengths(), strengths);
  }, 'publish');
}

export interface ReviewExtractJson {
  kind: 'review-extract';
  schemaVersion: number;
  title: string;
  hostSchoolId: string;
  fromReviewId: string;
  collaborativeId: string;
  focus: string;
  strengths: RichNode[];
}

export function reviewExtractToJson(doc: Y.Doc): ReviewExtractJson {
  const meta = readMeta(doc);
  const ex = reviewExtract(doc);
  return {
    kind: 'review-extract',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    ...ex.origin(),
    focus: ex.focus().toString(),
    strengths: richTextToJson(ex.strengths()),
  };
}
