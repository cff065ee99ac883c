import { createResource, type Accessor } from 'solid-js';
import { apiJson } from '../../api/http';
import { dropCache, readCache, writeCache } from '../../api/localCache';
import { ApiError } from '../../api/problem';
import { ReaderList, type Reader } from '../../api/schemas';

/** The people of a collaborative, as those who can read its workspace; cached for offline. */
export function createWorkspaceReaders(docId: Accessor<string | undefined>): Accessor<Reader[]> {
  const [readers] = createResource(docId, async (id) => {
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
  return () => (readers.state === 'ready' ? readers() : []);
}
