import { createResource, type Resource } from 'solid-js';
import * as z from 'zod/mini';
import { apiJson } from '../../api/http';

const SignInMethods = z.looseObject({ password: z.boolean(), hwb: z.boolean() });
export type SignInMethods = z.infer<typeof SignInMethods>;

/** Password only is what a server that cannot be asked (offline, older) offers. */
const passwordOnly: SignInMethods = { password: true, hwb: false };

/** Which ways of signing in this deployment offers (Hwb, password, or both). */
export function useSignInMethods(): Resource<SignInMethods> {
  const [methods] = createResource(() => apiJson(SignInMethods, '/auth/methods').catch(() => passwordOnly));
  return methods;
}

/** The server route that starts a Hwb sign-in and comes back to `next` (a path of this app). */
export function hwbStartHref(apiBase: string, next: string): string {
  return `${apiBase}/auth/hwb/start?next=${encodeURIComponent(next)}`;
}
