import type * as z from 'zod/mini';
import { env } from '../env';
import { ApiError, readProblem, unreachable } from './problem';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** The session listens here: any 401 means the session expired (SPEC C8). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function apiRequest(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${env.apiBase}${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw unreachable();
  }
  if (response.status === 401 && path !== '/auth/login') unauthenticatedListeners.forEach((l) => l());
  if (!response.ok) throw await readProblem(response);
  return response;
}

/** GET/POST returning JSON validated against the client schema. */
export async function apiJson<S extends z.ZodMiniType>(schema: S, path: string, init?: RequestInit): Promise<z.infer<S>> {
  const response = await apiRequest(path, init);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, 'response.unexpected');
  return parsed.data;
}

export function postJson(path: string, body: unknown, method = 'POST'): Promise<Response> {
  return apiRequest(path, { method, body: JSON.stringify(body ?? {}) });
}
