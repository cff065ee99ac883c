import { env } from '../env';

async function register(): Promise<void> {
  await navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage('precache');
}

/**
 * Registers the shell cache (SPEC C7) and asks it to pick up this build's files. After the
 * page's own load, so precaching never competes with first paint; at once if load has passed.
 */
export function registerServiceWorker(): void {
  if (!env.registerServiceWorker) return;
  const start = () => register().catch((error: unknown) => console.warn('service worker not registered', error));
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}
