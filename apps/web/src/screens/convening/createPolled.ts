import { createResource, onCleanup, type Accessor } from 'solid-js';

/**
 * A resource read again every `intervalMs` while the page is visible, so what someone else does
 * (an LA approving, a headteacher accepting) shows without a reload. The server is the truth;
 * a failed read keeps the last answer.
 */
export function createPolled<T>(fetcher: () => Promise<T>, intervalMs = 2_000): [Accessor<T | undefined>, () => void] {
  let last: T | undefined;
  const [resource, { refetch }] = createResource(async () => {
    try {
      last = await fetcher();
    } catch {
      // Offline or refused for now: keep showing the last answer.
    }
    return last;
  });
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') void refetch();
  }, intervalMs);
  onCleanup(() => clearInterval(timer));
  // `latest` keeps the last answer on screen while the next read is under way, without suspending the page.
  return [() => resource.latest, () => void refetch()];
}
