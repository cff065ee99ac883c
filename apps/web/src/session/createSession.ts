import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { apiJson, onUnauthenticated, postJson } from '../api/http';
import { clearCache, forgetDocumentCaches, readCache, writeCache } from '../api/localCache';
import { ApiError } from '../api/problem';
import { DocumentList, Me, SignedOut, type DocumentSummary } from '../api/schemas';

/**
 * signed-in: the server (or, offline, the cache) knows who this is.
 * expired: the server said 401 while we had a person: back to sign-in, local copies kept.
 */
export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'expired';

export interface Session {
  status: Accessor<SessionStatus>;
  me: Accessor<Me | undefined>;
  documents: Accessor<DocumentSummary[]>;
  /** True when what is shown came from the cache because the server could not be reached. */
  fromCache: Accessor<boolean>;
  refresh: () => Promise<void>;
  refreshDocuments: () => Promise<void>;
  /** Access to a document refused or revoked: drop it from the list and every cache (C121). */
  forgetDocument: (docId: string) => void;
  /** The server vouched for a document the list did not have yet (C120): list it. */
  rememberDocument: (doc: DocumentSummary) => void;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export function createSession(): Session {
  const cachedMe = readCache<Me>('me');
  const [me, setMe] = createSignal<Me | undefined>(cachedMe);
  const [documents, setDocuments] = createSignal<DocumentSummary[]>(readCache<DocumentSummary[]>('documents') ?? []);
  const [status, setStatus] = createSignal<SessionStatus>('loading');
  const [fromCache, setFromCache] = createSignal(false);

  onCleanup(onUnauthenticated(() => setStatus(me() ? 'expired' : 'signed-out')));

  async function refreshDocuments(): Promise<void> {
    try {
      const list = await apiJson(DocumentList, '/documents');
      setDocuments(list);
      writeCache('documents', list);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
    }
  }

  async function refresh(): Promise<void> {
    try {
      const fresh = await apiJson(Me, '/me');
      const previous = readCache<Me>('me');
      if (previous && previous.person.id !== fresh.person.id) clearCache();
      setMe(fresh);
      writeCache('me', fresh);
      setFromCache(false);
      setStatus('signed-in');
      await refreshDocuments();
    } catch (error) {
      if (error instanceof ApiError && error.status === 0 && me()) {
        // Unreachable server: carry on with the cached person and documents (local-first).
        setFromCache(true);
        setStatus('signed-in');
      } else if (error instanceof ApiError && error.status === 401) {
        setStatus(me() ? 'expired' : 'signed-out');
      } else {
        setStatus(me() ? 'signed-in' : 'signed-out');
      }
    }
  }

  function forgetDocument(docId: string): void {
    forgetDocumentCaches<DocumentSummary>(docId);
    setDocuments((list) => list.filter((doc) => doc.id !== docId));
  }

  function rememberDocument(doc: DocumentSummary): void {
    const list = [...documents().filter((listed) => listed.id !== doc.id), doc];
    setDocuments(list);
    writeCache('documents', list);
  }

  async function signIn(email: string, password: string): Promise<void> {
    await postJson('/auth/login', { email, password });
    await refresh();
  }

  /**
   * Ends the session (and its sockets) on the server. A Hwb session is then ended at the provider
   * too: the server answers with the provider's end-session address, which returns to sign-in.
   */
  async function signOut(): Promise<void> {
    const ended = await apiJson(SignedOut, '/auth/hwb/logout', { method: 'POST', body: '{}' }).catch(() => undefined);
    clearCache();
    setMe(undefined);
    setDocuments([]);
    setStatus('signed-out');
    if (ended?.endSessionUrl && /^https?:\/\//.test(ended.endSessionUrl)) window.location.assign(ended.endSessionUrl);
  }

  return { status, me, documents, fromCache, refresh, refreshDocuments, forgetDocument, rememberDocument, signIn, signOut };
}
