import { createResource, type Accessor } from 'solid-js';
import { apiJson } from '../../api/http';
import { readCache, writeCache } from '../../api/localCache';
import { ReaderList, type Reader } from '../../api/schemas';

/** The people of a collaborative, as those who can read its workspace; cached for offline. */
export function createWorkspaceReaders(docId: Accessor<string | undefined>): Accessor<Reader[]> {
  const [readers] = createResource(docId, async (id) => {
    try {
      const fresh = await apiJson(ReaderList, `/documents/${encodeURIComponent(id)}/readers`);
      writeCache(`readers.${id}`, fresh);
      return fresh;
    } catch {
      return readCache<Reader[]>(`readers.${id}`) ?? [];
    }
  });
  return () => (readers.state === 'ready' ? readers() : []);
}
