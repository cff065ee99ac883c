/// <reference lib="webworker" />
/**
 * A small hand-written service worker (SPEC C7). Why not vite-plugin-pwa: it would pull in
 * Workbox's build chain for three behaviours we can state in sixty lines: precache the built
 * shell from a manifest, serve navigations network-first with the cached shell as fallback, and
 * serve hashed assets cache-first. API data is deliberately not cached here: the app caches
 * /api/me and /api/documents itself, per person, and documents live in IndexedDB.
 */
// The page's DOM typings also declare `self`; in this file it is the worker's global scope.
const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'cyd-shell-';
const SHELL = '/';

interface PrecacheManifest {
  build: string;
  files: string[];
}

async function precache(): Promise<void> {
  const response = await fetch('/precache-manifest.json', { cache: 'no-store' });
  if (!response.ok) return;
  const manifest = (await response.json()) as PrecacheManifest;
  const name = CACHE_PREFIX + manifest.build;
  const cache = await caches.open(name);
  const missing: string[] = [];
  for (const file of manifest.files) {
    if (!(await cache.match(file))) missing.push(file);
  }
  await cache.addAll(missing);
  for (const key of await caches.keys()) {
    if (key.startsWith(CACHE_PREFIX) && key !== name) await caches.delete(key);
  }
}

async function fromNetworkThenShell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const shell = await caches.match(SHELL);
    return shell ?? Response.error();
  }
}

async function fromCacheThenNetwork(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const keys = await caches.keys();
    const current = keys.find((k) => k.startsWith(CACHE_PREFIX));
    if (current) await (await caches.open(current)).put(request, response.clone());
  }
  return response;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

// The page asks for a refresh after each load: a new build's files get cached even though the
// worker script itself (and so its install step) did not change.
sw.addEventListener('message', (event: ExtendableMessageEvent) => {
  if (event.data === 'precache') event.waitUntil(precache().catch(() => undefined));
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  if (request.mode === 'navigate') event.respondWith(fromNetworkThenShell(request));
  else if (url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest') event.respondWith(fromCacheThenNetwork(request));
});

export {};
