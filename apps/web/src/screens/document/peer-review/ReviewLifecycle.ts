import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { DocConnection } from '@cydweithio/ui';
import { apiJson } from '../../../api/http';
import { readCache, writeCache } from '../../../api/localCache';
import { ReviewTeam } from '../../../api/schemas';
import { useSession } from '../../../session/SessionContext';

export interface ReviewLifecycle {
  team: Accessor<ReviewTeam | undefined>;
  reload: () => Promise<void>;
  /** After a team or stage change: every open copy reads the team, stage and its own access again. */
  announce: () => void;
}

/**
 * Only a nudge to ask the server again: the team, the stage and everyone's access are always
 * the server's answer, never this value (G10, C175).
 */
const NUDGE_MAP = 'lifecycleNudge';

export function createReviewLifecycle(connection: DocConnection): ReviewLifecycle {
  const session = useSession();
  const docId = connection.provider.roomname;
  const cacheKey = `review-team.${docId}`;
  const [team, setTeam] = createSignal<ReviewTeam | undefined>(readCache<ReviewTeam>(cacheKey));
  const reload = async () => {
    try {
      const answer = await apiJson(ReviewTeam, `/peer-reviews/${encodeURIComponent(docId)}`);
      setTeam(answer);
      writeCache(cacheKey, answer);
    } catch {
      // Offline or no longer allowed: the cached team (or none) stands.
    }
  };
  const nudges: Y.Map<unknown> = connection.doc.getMap(NUDGE_MAP);
  const onNudge = () => {
    void reload();
    // A closed review makes visitors readers: the listing carries each person's access.
    void session.refreshDocuments().catch(() => undefined);
  };
  onMount(() => {
    void reload();
    nudges.observe(onNudge);
  });
  onCleanup(() => nudges.unobserve(onNudge));
  return { team, reload, announce: () => nudges.set('changedAt', Date.now()) };
}

export const ReviewLifecycleContext = createContext<ReviewLifecycle>();

export function useReviewLifecycle(): ReviewLifecycle {
  const lifecycle = useContext(ReviewLifecycleContext);
  if (!lifecycle) throw new Error('useReviewLifecycle outside a peer review');
  return lifecycle;
}
