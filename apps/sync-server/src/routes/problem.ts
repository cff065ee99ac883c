/**
 * Errors as application/problem+json with a stable code. Handlers throw ProblemError; the
 * access routes' onError turns it (and anything unexpected) into the body, so no handler
 * builds an error response by hand.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AccessLogger } from '../access/context';
import { problemCodes, type ProblemBody, type ProblemCode } from './problem-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extra: { detail?: string; errors?: ProblemBody['errors']; record?: string; headers?: Record<string, string> } = {},
  ) {
    super(code);
  }
}

export function problemBody(code: ProblemCode, extra: Pick<ProblemBody, 'detail' | 'errors' | 'record'> = {}): ProblemBody {
  const { status, title } = problemCodes[code];
  return { type: `https://cydweithio.cymru/problems/${code}`, title, status, code, ...extra };
}

export function problemResponse(code: ProblemCode, extra: ProblemError['extra'] = {}): Response {
  const { headers, ...rest } = extra;
  const body = problemBody(code, rest);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** The onError handler of the access routes; unexpected errors are logged, never shown. */
export function problemHandler(logger: AccessLogger): (error: Error, c: Context) => Response {
  return (error, c) => {
    const response = toProblemResponse(error);
    if (response.status >= 500) logger.error({ err: error, path: c.req.path }, 'access route failed');
    return response;
  };
}

function toProblemResponse(error: Error): Response {
  if (error instanceof ProblemError) return problemResponse(error.code, error.extra);
  if (error instanceof HTTPException) {
    // Hono's own refusals (csrf, body limit) arrive as HTTPException: keep their status, give a code.
    if (error.status === 403) return problemResponse('request.origin-refused');
    if (error.status === 413) return problemResponse('request.too-large');
    if (error.status === 404) return problemResponse('request.not-found');
    return problemResponse(error.status >= 500 ? 'server.error' : 'request.invalid');
  }
  return problemResponse('server.error');
}
