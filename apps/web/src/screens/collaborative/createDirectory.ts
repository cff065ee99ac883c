import { createResource, type Accessor } from 'solid-js';
import { apiJson } from '../../api/http';
import { readCache, writeCache } from '../../api/localCache';
import { CollaborativeDirectory } from '../../api/schemas';

/** The collaborative's members, schools and roles; the cached copy serves offline. */
export function createDirectory(collaborativeId: Accessor<string>): Accessor<CollaborativeDirectory | undefined> & { reload: () => void } {
  const [directory, { refetch }] = createResource(collaborativeId, async (id) => {
    const key = `directory.${id}`;
    try {
      const fresh = await apiJson(CollaborativeDirectory, `/directory/collaboratives/${encodeURIComponent(id)}`);
      writeCache(key, fresh);
      return fresh;
    } catch {
      return readCache<CollaborativeDirectory>(key);
    }
  });
  // The last answer stays while a re-read is under way (the membership card re-reads it often).
  const read = () => (directory.state === 'ready' || directory.state === 'refreshing' ? directory.latest : undefined);
  return Object.assign(read, { reload: () => void refetch() });
}
