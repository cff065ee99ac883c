/**
 * Every request body is bounded before anything reads it (ACCESS.md A82): a declared length over
 * the limit is refused without reading a byte, an undeclared (chunked) one as soon as it passes
 * the limit. JSON bodies are small; the address-list import keeps its larger limit. The refusal
 * is 413 request.too-large, and the connection is closed so the rest of the body is not read.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../problem';

/** The largest JSON body any route takes (a plan's or a review's fields are far smaller). */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** The WG address list as CSV: the full list is about 2 MB; anything much larger is not it. */
export const IMPORT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const tooLarge = (maxBytes: number) => (): never => {
  throw new ProblemError('request.too-large', { detail: `At most ${maxBytes} bytes.`, headers: { connection: 'close' } });
};

/** Limits by path: the given larger ones first, JSON_BODY_LIMIT_BYTES for everything else. */
export function bodyLimits(larger: readonly { path: RegExp; maxBytes: number }[]): MiddlewareHandler {
  const small = bodyLimit({ maxSize: JSON_BODY_LIMIT_BYTES, onError: tooLarge(JSON_BODY_LIMIT_BYTES) });
  const limits = larger.map(({ path, maxBytes }) => ({ path, limit: bodyLimit({ maxSize: maxBytes, onError: tooLarge(maxBytes) }) }));
  return async (c, next) => {
    const limit = limits.find(({ path }) => path.test(c.req.path))?.limit ?? small;
    return limit(c, next);
  };
}
