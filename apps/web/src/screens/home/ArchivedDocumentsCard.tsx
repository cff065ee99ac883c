import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { DocumentList } from '../../api/schemas';
import { formatDate } from '../../i18n/formatDate';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';

/**
 * The archived documents the person may read (A112), each with when it was archived and, for
 * its owners (`canManage`, P95), a restore button (C221). Shown only when there are some.
 */
export function ArchivedDocumentsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal('');
  // Asked again whenever the live list changes (an archive or restore elsewhere on this device).
  const [archived, { refetch }] = createResource(
    () => session.documents().length,
    () => apiJson(DocumentList, '/documents?view=archived').catch(() => []),
  );
  const restore = async (id: string, title: string) => {
    try {
      await postJson(`/documents/${encodeURIComponent(id)}/restore`, {});
      setMessage(t('manage.restored') + ` (${title})`);
      await session.refreshDocuments().catch(() => undefined);
      void refetch();
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  return (
    <Show when={(archived() ?? []).length > 0 || message()}>
      <Card labelledBy="archived-heading" testId="archived-card" class="card--wide">
        <CardHeader id="archived-heading" title={t('manage.archivedList')} />
        <CardBody>
          <p class="hint">{t('manage.archivedListIntro')}</p>
          <Show when={(archived() ?? []).length > 0} fallback={<p>{t('manage.noArchived')}</p>}>
            <ul class="document-list">
              <For each={archived()}>
                {(doc) => {
                  const title = () => doc.titles?.[locale()] || doc.title;
                  return (
                    <li class="document-list__item" data-testid="archived-document">
                      <A href={`/documents/${encodeURIComponent(doc.id)}`} class="document-list__title">{title()}</A>
                      <span class="document-list__meta">
                        <span class="tag">{t(`documentKind.${doc.kind}`)}</span>
                        <Show when={doc.archivedAt}>{(at) => <span>{t('manage.archivedNotice', { when: formatDate(at().slice(0, 10), locale()) })}</span>}</Show>
                        <Show when={doc.canManage}>
                          <button type="button" class="button button--small button--secondary" onClick={() => void restore(doc.id, title())} data-testid="archived-restore">
                            {t('manage.restoreNamed')}<span class="visually-hidden">: {title()}</span>
                          </button>
                        </Show>
                      </span>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
          <p role="status">{message()}</p>
        </CardBody>
      </Card>
    </Show>
  );
}
