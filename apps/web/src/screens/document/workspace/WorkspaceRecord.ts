import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { apiJson } from '../../../api/http';
import { readCache, writeCache } from '../../../api/localCache';
import { AgreedPriorities } from '../../../api/schemas';
import type { DocConnection } from '@cydweithio/ui';

export interface WorkspaceRecord {
  agreed: Accessor<AgreedPriorities>;
  reload: () => Promise<void>;
  /** After agreeing: tell every open copy to read the record again (G1, C171). */
  announce: () => void;
}

const empty: AgreedPriorities = { priorities: [], impactReviews: [] };
/**
 * The root map other copies watch to know the record moved. It is only a nudge to re-read the
 * record: what "agreed" means is always read from the server, never from this value.
 */
const NUDGE_MAP = 'recordNudge';

/** The collaborative's agreed priorities, from its record (cached for offline), re-read when nudged. */
export function createWorkspaceRecord(connection: DocConnection): WorkspaceRecord {
  const docId = connection.provider.roomname;
  const cacheKey = `agreed.${docId}`;
  const [agreed, setAgreed] = createSignal<AgreedPriorities>(readCache<AgreedPriorities>(cacheKey) ?? empty);
  const reload = async () => {
    try {
      const answer = await apiJson(AgreedPriorities, `/documents/${encodeURIComponent(docId)}/priorities/agreed`);
      setAgreed(answer);
      writeCache(cacheKey, answer);
    } catch {
      // Offline or not allowed: the cached record (or none) stands.
    }
  };
  const nudges: Y.Map<unknown> = connection.doc.getMap(NUDGE_MAP);
  const onNudge = () => void reload();
  onMount(() => {
    void reload();
    nudges.observe(onNudge);
  });
  onCleanup(() => nudges.unobserve(onNudge));
  return { agreed, reload, announce: () => nudges.set('agreedAt', Date.now()) };
}

export const WorkspaceRecordContext = createContext<WorkspaceRecord>();

export function useWorkspaceRecord(): WorkspaceRecord {
  const record = useContext(WorkspaceRecordContext);
  if (!record) throw new Error('useWorkspaceRecord outside a workspace');
  return record;
}
