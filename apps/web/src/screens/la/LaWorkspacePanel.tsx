import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { SaveStateBadge, useLocale } from '@cydweithio/ui';
import type { DocumentSummary } from '../../api/schemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { createDocumentConnection } from '../document/createDocumentConnection';
import { DocumentContext } from '../document/DocumentContext';
import { PrioritiesBoard } from '../document/workspace/PrioritiesBoard';
import { CorrectionsProvider } from '../document/corrections/CorrectionsContext';
import { createWorkspaceRecord, WorkspaceRecordContext } from '../document/workspace/WorkspaceRecord';

/** One collaborative's shared priorities, live over the socket, always read-only here. */
export function LaWorkspacePanel(props: { summary: DocumentSummary }) {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const connection = createDocumentConnection(props.summary.id, session);
  const ready = () => connection.localReady() || connection.remoteSynced();
  // What the LA sees as agreed is the collaborative's record, as everywhere (C170).
  const record = createWorkspaceRecord(connection);
  return (
    <DocumentContext.Provider value={{ connection, summary: () => props.summary, readOnly: () => true }}>
      <article class="card la-panel" data-testid="la-workspace" aria-labelledby={`la-${props.summary.id}`}>
        <header class="card__header">
          <h3 id={`la-${props.summary.id}`} lang={langOf(props.summary.owner.name, locale())}>
            {nameIn(props.summary.owner.name, locale()) || props.summary.title}
          </h3>
          <SaveStateBadge state={connection.syncState} />
        </header>
        <Show when={ready()} fallback={<p role="status">{t('common.loading')}</p>}>
          <WorkspaceRecordContext.Provider value={record}>
            {/* The board's cards take their remove door from the provider; read-only here, never offered. */}
            <CorrectionsProvider><PrioritiesBoard headingLevel={3} /></CorrectionsProvider>
          </WorkspaceRecordContext.Provider>
        </Show>
        <A href={`/collaboratives/${encodeURIComponent(props.summary.owner.id)}`}>{t('la.openCollaborative')}</A>
      </article>
    </DocumentContext.Provider>
  );
}
