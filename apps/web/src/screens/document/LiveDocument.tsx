import { A } from '@solidjs/router';
import { createEffect, createMemo, lazy, on, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { PresenceList, SaveStateBadge, createYMap, useLocale } from '@cydweithio/ui';
import { docKindOf } from '@cydweithio/model/domain/document';
import { titleIn } from '@cydweithio/model/docs/meta';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { createDocumentConnection } from './createDocumentConnection';
import { DocumentContext } from './DocumentContext';
import { DocumentMessages } from './DocumentMessages';
import { createInitialiseWhenEmpty } from './createInitialiseWhenEmpty';
import { createDocumentComments } from './comments/createDocumentComments';
import { DocumentCommentsPanel } from './comments/DocumentCommentsPanel';
import { DocumentCommentsProvider } from './comments/DocumentCommentsProvider';
import { createDocumentBody, hasDocumentBody } from './documentBodies';
import { SinceLastLooked } from './SinceLastLooked';
import { CorrectionsProvider } from './corrections/CorrectionsContext';
import { createDocumentStanding } from './manage/createDocumentStanding';

// Owners only, and not small: its own chunk (the document screen's JS budget).
const ManageDocumentCard = lazy(() => import('./manage/ManageDocumentCard'));

/**
 * A live document with its save state and presence; `embedded` when a screen already has an h1.
 * Only ever shown for a document the server has not refused (OpenDocument's gate, C120);
 * `onAccessLost` hands a revocation or an erasure back to the gate, which shows its page.
 */
export function LiveDocument(props: { docId: string; embedded?: boolean; onAccessLost: (code: number) => void; onRepeatedFailure: () => void }) {
  const t = useText();
  const session = useSession();
  const connection = createDocumentConnection(props.docId, session, () => props.onRepeatedFailure());
  const summary = createMemo(() => session.documents().find((d) => d.id === props.docId));
  createInitialiseWhenEmpty(connection, summary);
  const meta = createYMap(connection.doc.getMap('meta'));
  const kind = () => (meta()['kind'] as string | undefined) ?? summary()?.kind ?? docKindOf(props.docId);
  const body = createDocumentBody(kind);
  const standing = createDocumentStanding(props.docId, connection, session, summary);
  const locale = useLocale();
  // The title in the person's language when the owners gave one (C282): live from the document
  // once renamed, so a rename reaches every open copy; else the server's listing; else the
  // title the document carries, as written.
  const title = () => {
    const m = meta();
    const renamed = 'titleCy' in m || 'titleEn' in m;
    return (renamed ? titleIn(m, locale()) : standing.current()?.titles?.[locale()]) || (m['title'] as string | undefined) || summary()?.title || t('document.untitled');
  };
  // A memo, so that the save state moving between syncing and saved on every keystroke does not
  // reach the editors: only a change of access does.
  // An archived document is read-only for everyone (P96, C219), as soon as this copy hears of it.
  const readOnly = createMemo(() => summary()?.access === 'viewer' || standing.archived() || connection.syncState() === 'revoked' || connection.syncState() === 'refused');
  // Access revoked or document erased: the list and every cache forget it at once (C121), the
  // server's list is asked again, and the gate shows why the document is gone.
  createEffect(on(connection.syncState, (state) => {
    if (state !== 'revoked') return;
    session.forgetDocument(props.docId);
    void session.refreshDocuments().catch(() => undefined);
    const code = connection.permanentClose() ?? 0;
    // After this effect: the gate unmounts this document.
    queueMicrotask(() => props.onAccessLost(code));
  }, { defer: true }));
  const ready = () => connection.localReady() || connection.remoteSynced();
  // The comments live on the server (ACCESS.md A28); the socket says when to ask again (A107).
  const comments = createDocumentComments(props.docId, session.me()?.person.id ?? '', connection.commentNotices);
  if (!props.embedded) usePageTitle(title);

  return (
    <DocumentContext.Provider value={{ connection, summary, readOnly }}>
      <article class="document" data-testid="document" data-doc-kind={kind()}>
        <header class="document__header">
          <p class="document__kind">
            <Show when={kind()}>{t(`documentKind.${kind() ?? ''}`)}</Show>
            <Show when={summary()?.access}>
              {(access) => <span class="tag tag--quiet">{t(`access.${access()}`)}</span>}
            </Show>
          </p>
          <Show when={props.embedded} fallback={<h1 data-testid="document-title">{title()}</h1>}>
            <h2 data-testid="document-title">{title()}</h2>
          </Show>
          <SaveStateBadge state={connection.syncState} />
        </header>
        <DocumentMessages />
        <Show when={connection.syncState() !== 'revoked'} fallback={<A href="/">{t('notFound.home')}</A>}>
          <div class="document__layout">
            <div class="document__main">
              <Show when={ready()} fallback={<p role="status">{t('common.loading')}</p>}>
                <DocumentCommentsProvider store={comments}>
                <Show when={hasDocumentBody(kind())} fallback={<p>{t('document.unknownKind')}</p>}>
                  <Show when={body()} fallback={<p role="status">{t('common.loading')}</p>}>
                    {(Body) => (
                      <CorrectionsProvider>
                        <Dynamic component={Body()} docId={props.docId} />
                      </CorrectionsProvider>
                    )}
                  </Show>
                </Show>
                </DocumentCommentsProvider>
              </Show>
            </div>
            <aside class="document__aside">
              <Show when={standing.archived()}>
                <p class="notice" role="status" data-testid="document-archived">{t('manage.archived')}</p>
              </Show>
              <Show when={standing.current()?.canManage}>
                <ManageDocumentCard docId={props.docId} standing={standing} />
              </Show>
              <SinceLastLooked docId={props.docId} />
              <PresenceList awareness={connection.awareness} />
              <DocumentCommentsPanel store={comments} />
            </aside>
          </div>
        </Show>
      </article>
    </DocumentContext.Provider>
  );
}
