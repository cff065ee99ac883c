/**
 * Request bodies and queries are parsed with zod schemas (the model's where they exist). A
 * failure is a 400 request.invalid listing each field's problem, never a stack trace.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ProblemError } from '../problem';

function invalid(error: z.ZodError): ProblemError {
  return new ProblemError('request.invalid', {
    errors: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new ProblemError('request.unsupported-media-type', { detail: 'Send application/json.' });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ProblemError('request.invalid', { detail: 'The body is not valid JSON.' });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** A path parameter checked like a body field: 400 request.invalid, never a 500. */
export function readParam<S extends z.ZodType>(c: Context, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}
