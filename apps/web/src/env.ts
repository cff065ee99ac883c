import * as z from 'zod/mini';

/**
 * The only reader of import.meta.env. Everything configurable about the client is validated here
 * once, so a bad build fails loudly at start rather than deep inside a screen.
 */
const EnvSchema = z.object({
  DEV: z.boolean(),
  /** Optional override of the API/sync origin; defaults to the page's own origin. */
  VITE_SERVER_ORIGIN: z.optional(z.url()),
});

const parsed = EnvSchema.parse({ DEV: import.meta.env.DEV, VITE_SERVER_ORIGIN: import.meta.env['VITE_SERVER_ORIGIN'] || undefined });

const origin = parsed.VITE_SERVER_ORIGIN ?? window.location.origin;

export const env = {
  isDev: parsed.DEV,
  apiBase: `${origin}/api`,
  /** Document sockets live at `${syncUrl}/<docId>` (stock y-websocket appends the room). */
  syncUrl: `${origin.replace(/^http/, 'ws')}/sync`,
  /** The service worker breaks hot reload, so it is only registered in built apps. */
  registerServiceWorker: !parsed.DEV && 'serviceWorker' in navigator,
} as const;
