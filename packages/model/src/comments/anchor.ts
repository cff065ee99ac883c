/**
 * Where a comment points in a live document (SPEC D40-D42): a text range held as two Yjs
 * relative positions, so the range moves with the text when anyone inserts or deletes before
 * it, and a short quote of the text as it was, shown when the text itself is gone.
 *
 * Pure: shared by the web client (makes and resolves ranges) and the server (checks them).
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';

/** A relative position encodes an item id and an association: tens of bytes. 200 base64 characters is ample. */
export const MAX_ANCHOR_POSITION_CHARS = 200;
/** The quote is a reminder of what was commented on, not a copy of the section. */
export const MAX_ANCHOR_QUOTE_CHARS = 300;

/** A relative position as base64 text (D40), for a JSON body and a database column. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The relative position of a base64 text, or null when it is not one (D40). */
export function decodePosition(text: string): Y.RelativePosition | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length > MAX_ANCHOR_POSITION_CHARS) return null;
  try {
    const bytes = fromBase64(text);
    const position = Y.decodeRelativePosition(bytes);
    // A relative position names a type, an item or a root: anything else is not one of ours.
    if (!position.item && !position.type && position.tname === null) return null;
    // Trailing bytes mean the text was something else that happened to decode.
    return toBase64(Y.encodeRelativePosition(position)) === text ? position : null;
  } catch {
    return null;
  }
}

const position = z.string().max(MAX_ANCHOR_POSITION_CHARS).refine((text) => decodePosition(text) !== null, { message: 'Not a relative position.' });

/** D40: a range in one text of the document, start and end as encoded relative positions. */
export const CommentRange = z.object({
  start: position,
  end: position,
  quote: z.string().max(MAX_ANCHOR_QUOTE_CHARS),
}).strict();
export type CommentRange = z.infer<typeof CommentRange>;

/** The quote kept with a range: its text with runs of white space made one space, cut to the limit (D40). */
export function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_ANCHOR_QUOTE_CHARS ? flat : `${flat.slice(0, MAX_ANCHOR_QUOTE_CHARS - 1)}…`;
}

/**
 * D41: a range of a Y.Text (or any sequence type) from index `from` to `to`. The start sticks
 * to the character after it and the end to the character before it, so text typed at either
 * edge stays outside the range, as in a word processor's comment.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs sequence type (Y.Text, Y.XmlText); their event types differ.
export function rangeInText(type: Y.AbstractType<any>, from: number, to: number, text: string): CommentRange {
  return {
    start: encodePosition(Y.createRelativePositionFromTypeIndex(type, from, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(type, to, -1)),
    quote: quoteOf(text),
  };
}

/**
 * D42: the range now, as indices in `type`, or null when it is gone (its text deleted, or it
 * points into another type). A range whose text was all deleted collapses and is null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
export function resolveInText(doc: Y.Doc, type: Y.AbstractType<any>, range: CommentRange): { from: number; to: number } | null {
  const start = decodePosition(range.start);
  const end = decodePosition(range.end);
  if (!start || !end) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to || from.type !== type || to.type !== type) return null;
  return to.index > from.index ? { from: from.index, to: to.index } : null;
}
