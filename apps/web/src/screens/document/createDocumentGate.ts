import { createSignal, onMount, type Accessor } from 'solid-js';
import { CloseCode } from '@cydweithio/model';
import { apiJson } from '../../api/http';
import { ApiError } from '../../api/problem';
import { DocumentDetail } from '../../api/schemas';
import type { Session } from '../../session/createSession';

/**
 * open: show the live document. refused: the server says this person may not read it (403, or
 * a revocation). missing: there is no such document (404, or an erasure). checking: not known
 * yet, and nothing editable is shown meanwhile.
 */
export type DocumentGateState = 'checking' | 'open' | 'refused' | 'missing';

export interface DocumentGate {
  state: Accessor<DocumentGateState>;
  /** The person had it open when access was taken away (4403), rather than never having it. */
  revoked: Accessor<boolean>;
  /** E23: a review draft refused to a reader of the school's record: that record's key. */
  draftRecord: Accessor<string | undefined>;
  /** Ask the server again (the socket keeps failing): at most one question in flight. */
  recheck: () => void;
  /** The open socket was closed for good: revoked means refused, erased means missing. */
  lost: (closeCode: number) => void;
}

/**
 * Whether a document may be shown (SPEC C120). A document in the person's list opens at once,
 * from the local copy if need be, and is checked meanwhile; one not in the list is asked about
 * first (GET /api/documents/:id), so a refused or unknown id is a page saying so, never an
 * empty editor. Offline, the local-first copy opens. A refusal drops every cached trace of the
 * document (C121) and the device's local copy, and nothing is asked again: no retry loop.
 */
export function createDocumentGate(docId: string, session: Session, storagePrefix: string): DocumentGate {
  const listed = session.documents().some((doc) => doc.id === docId);
  const [state, setState] = createSignal<DocumentGateState>(listed ? 'open' : 'checking');
  const [revoked, setRevoked] = createSignal(false);
  const [draftRecord, setDraftRecord] = createSignal<string>();
  let asking = false;

  const close = (next: 'refused' | 'missing'): void => {
    setState(next);
    session.forgetDocument(docId);
    // The same name createDocConnection gives its IndexedDB copy.
    try {
      indexedDB.deleteDatabase(`${storagePrefix}:${docId}`);
    } catch {
      // No IndexedDB: there was no copy.
    }
  };

  const check = async (): Promise<void> => {
    if (asking || state() === 'refused' || state() === 'missing') return;
    asking = true;
    try {
      const { document } = await apiJson(DocumentDetail, `/documents/${encodeURIComponent(docId)}`);
      // Listed now, so the screen knows the person's access (a viewer's fields are read-only).
      if (!session.documents().some((doc) => doc.id === docId)) session.rememberDocument(document);
      setState('open');
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) {
        if (error.detail === 'progress-review.confirmed-only' && error.record?.startsWith('school:')) setDraftRecord(error.record);
        close('refused');
      }
      else if (error instanceof ApiError && error.status === 404) close('missing');
      // Offline, signed out (the session handles a 401) or a server fault: the local copy stands.
      else if (state() === 'checking') setState('open');
    } finally {
      asking = false;
    }
  };

  onMount(() => void check());
  return {
    state,
    revoked,
    draftRecord,
    recheck: () => void check(),
    lost: (code) => {
      setRevoked(code !== CloseCode.documentErased);
      close(code === CloseCode.documentErased ? 'missing' : 'refused');
    },
  };
}
