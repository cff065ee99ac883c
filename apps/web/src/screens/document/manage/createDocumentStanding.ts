import { createSignal, onCleanup, onMount, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { DocConnection } from '@cydweithio/ui';
import { apiJson } from '../../../api/http';
import { DocumentDetail, type DocumentSummary } from '../../../api/schemas';
import type { Session } from '../../../session/createSession';

/**
 * Whether the open document is archived, and its titles, as the server says (A112), so every
 * open copy turns read-only when an owner archives it (C219) and writable again on restore.
 * The owner writes a nudge into the live document just before archiving (afterwards nobody may
 * write); the others then ask the server a few times. While archived, each copy asks every few
 * seconds, since a restore cannot be nudged through a read-only document.
 */
const NUDGE_MAP = 'manageNudge';
const AFTER_NUDGE_MS = [300, 1200, 3000];
const WHILE_ARCHIVED_MS = 4000;

export interface DocumentStanding {
  current: Accessor<DocumentSummary | undefined>;
  archived: Accessor<boolean>;
  /** The server's answer to a manage step, taken at once. */
  update: (patch: Partial<DocumentSummary>) => void;
  reload: () => Promise<void>;
  /** Before archiving: tells the other open copies to ask again. */
  announce: () => void;
}

export function createDocumentStanding(docId: string, connection: DocConnection, session: Session, listed: Accessor<DocumentSummary | undefined>): DocumentStanding {
  const [fresh, setFresh] = createSignal<DocumentSummary>();
  const current = () => fresh() ?? listed();
  const archived = () => Boolean(current()?.archivedAt);
  const reload = async () => {
    try {
      const answer = await apiJson(DocumentDetail, `/documents/${encodeURIComponent(docId)}`);
      const wasArchived = archived();
      setFresh(answer.document);
      if (wasArchived !== Boolean(answer.document.archivedAt)) await session.refreshDocuments().catch(() => undefined);
    } catch {
      // Offline or refused: the gate and the socket say so; the last answer stands.
    }
  };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void reload();
    }, ms);
    timers.add(timer);
  };
  const nudges: Y.Map<unknown> = connection.doc.getMap(NUDGE_MAP);
  const onNudge = (_event: unknown, transaction: Y.Transaction) => {
    if (!transaction.local) AFTER_NUDGE_MS.forEach(later);
  };
  const poll = setInterval(() => {
    if (archived()) void reload();
  }, WHILE_ARCHIVED_MS);
  onMount(() => nudges.observe(onNudge));
  onCleanup(() => {
    nudges.unobserve(onNudge);
    clearInterval(poll);
    timers.forEach(clearTimeout);
  });
  return {
    current,
    archived,
    reload,
    update: (patch) => {
      const base = current();
      if (base) setFresh({ ...base, ...patch });
    },
    announce: () => nudges.set('changedAt', Date.now()),
  };
}
