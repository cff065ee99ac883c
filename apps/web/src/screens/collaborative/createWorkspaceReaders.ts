import { createResource, onCleanup, type Accessor } from 'solid-js';
import { apiJson } from '../../api/http';
import { dropCache, readCache, writeCache } from '../../api/localCache';
import { ApiError } from '../../api/problem';
import { ReaderList, type Reader } from '../../api/schemas';
import { onServerNudge } from '../../api/serverNudges';

/**
 * The people of a collaborative, as those who can read its workspace; cached for offline.
 * Read again on every convening nudge (S63), since a school joining or leaving changes who they
 * are: a headteacher who has just joined can be recorded at a meeting or given an action by a
 * page that was open before they joined.
 */
export function createWorkspaceReaders(docId: Accessor<string | undefined>): Accessor<Reader[]> {
  const [readers, { refetch }] = createResource(docId, async (id) => {
    try {
      const fresh = await apiJson(ReaderList, `/documents/${encodeURIComponent(id)}/readers`);
      writeCache(`readers.${id}`, fresh);
      return fresh;
    } catch (error) {
      // Refused or gone: the cached list is no longer true (C121); offline, it stands.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        dropCache(`readers.${id}`);
        return [];
      }
      return readCache<Reader[]>(`readers.${id}`) ?? [];
    }
  });
  onCleanup(onServerNudge('convening', () => void refetch()));
  // The last list stays while a re-read is under way, so a choice half made is not emptied.
  return () => (readers.state === 'ready' || readers.state === 'refreshing' ? readers.latest ?? [] : []);
}
