import { createResource, onCleanup, type Accessor } from 'solid-js';
import { onServerNudge } from '../../api/serverNudges';

/**
 * A convening resource read again whenever the server nudges "convening" (S63: a proposal, an
 * approval or a membership request changed), so what someone else does (an LA approving, a
 * headteacher accepting) shows at once without a reload. A slow read every `intervalMs` while
 * the page is visible stays as a safety net for a stream a proxy cut. The server is the truth;
 * a failed read keeps the last answer.
 */
export function createWatched<T>(fetcher: () => Promise<T>, intervalMs = 30_000): [Accessor<T | undefined>, () => void] {
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
  onCleanup(onServerNudge('convening', () => void refetch()));
  // `latest` keeps the last answer on screen while the next read is under way, without suspending the page.
  return [() => resource.latest, () => void refetch()];
}
