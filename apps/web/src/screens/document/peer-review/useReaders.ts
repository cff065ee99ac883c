import { createSignal, onMount, type Accessor } from 'solid-js';
import { apiJson } from '../../../api/http';
import { dropCache, readCache, writeCache } from '../../../api/localCache';
import { ApiError } from '../../../api/problem';
import { ReaderList, type Reader } from '../../../api/schemas';
import { useOpenDocument } from '../DocumentContext';

/** Who can read the open document, from the server (cached for offline), with a reload. */
export function useReaders(): Accessor<Reader[]> & { reload: () => Promise<void> } {
  const { connection } = useOpenDocument();
  const docId = connection.provider.roomname;
  const [readers, setReaders] = createSignal<Reader[]>(readCache<Reader[]>(`readers.${docId}`) ?? []);
  const reload = async () => {
    try {
      const list = await apiJson(ReaderList, `/documents/${encodeURIComponent(docId)}/readers`);
      setReaders(list);
      writeCache(`readers.${docId}`, list);
    } catch (error) {
      // Offline: the cached list stands. Refused or gone: it is no longer true (C121).
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        dropCache(`readers.${docId}`);
        setReaders([]);
      }
    }
  };
  onMount(() => void reload());
  return Object.assign(readers, { reload });
}
