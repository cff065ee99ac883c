import { createResource, createSignal, For, Show } from 'solid-js';
import { Card, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../../api/http';
import { AuditTrail } from '../../../api/schemas';
import { formatDateTime } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import type { DocumentStanding } from './createDocumentStanding';

const MANAGE_STEPS = new Set(['renamed', 'archived', 'unarchived']);

/**
 * Rename (Welsh and English titles), archive and restore, for the document's owners only
 * (C218-C220; shown when the listing's `canManage` says the server would allow it, P95), with
 * the audit of those steps (A115). Loaded on demand: most readers never see it.
 */
export default function ManageDocumentCard(props: { docId: string; standing: DocumentStanding }) {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const errorText = useErrorText();
  const path = `/documents/${encodeURIComponent(props.docId)}`;
  const initial = props.standing.current();
  const [cy, setCy] = createSignal(initial?.titles?.cy ?? initial?.title ?? '');
  const [en, setEn] = createSignal(initial?.titles?.en ?? '');
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [trail, { refetch }] = createResource(() => apiJson(AuditTrail, `/audit?documentId=${encodeURIComponent(props.docId)}`).then((a) => a.entries.filter((e) => MANAGE_STEPS.has(e.action))).catch(() => undefined));

  const run = async (step: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await step());
      await session.refreshDocuments().catch(() => undefined);
      void refetch();
    } catch (failure) {
      setMessage(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const rename = (event: SubmitEvent) => {
    event.preventDefault();
    const titles = { cy: cy().trim(), en: en().trim() };
    if (!titles.cy && !titles.en) {
      setMessage(t('manage.emptyTitles'));
      return;
    }
    void run(async () => {
      await postJson(path, { titles }, 'PATCH');
      props.standing.update({ titles, title: titles.cy || titles.en });
      return t('manage.renamed');
    });
  };
  const archive = () =>
    void run(async () => {
      // Before the archive: afterwards this copy may no longer write (P96).
      props.standing.announce();
      await postJson(`${path}/archive`, {});
      props.standing.update({ archivedAt: new Date().toISOString() });
      return t('manage.archived');
    });
  const restore = () =>
    void run(async () => {
      await postJson(`${path}/restore`, {});
      props.standing.update({ archivedAt: null });
      return t('manage.restored');
    });

  return (
    <Card labelledBy="manage-heading" class="manage-card" testId="manage-card">
      <h2 id="manage-heading">{t('manage.title')}</h2>
      <p class="hint">{t('manage.intro')}</p>
      <Show
        when={!props.standing.archived()}
        fallback={
          <>
            <p data-testid="manage-archived">{t('manage.archived')}</p>
            <button type="button" class="button" disabled={busy()} onClick={restore} data-testid="manage-restore">{t('manage.restore')}</button>
          </>
        }
      >
        <form class="form" onSubmit={rename}>
          <div class="manage-card__titles">
            <label>
              {t('manage.titleCy')}
              <input maxLength={200} value={cy()} onInput={(e) => setCy(e.currentTarget.value)} data-testid="manage-title-cy" />
            </label>
            <label>
              {t('manage.titleEn')}
              <input maxLength={200} value={en()} onInput={(e) => setEn(e.currentTarget.value)} data-testid="manage-title-en" />
            </label>
          </div>
          <p class="hint">{t('manage.titlesHint')}</p>
          <button type="submit" class="button" disabled={busy()} data-testid="manage-rename">{t('manage.rename')}</button>
        </form>
        <p class="hint">{t('manage.archiveHint')}</p>
        <button type="button" class="button button--secondary" disabled={busy()} onClick={archive} data-testid="manage-archive">{t('manage.archive')}</button>
      </Show>
      <p role="status" data-testid="manage-message">{message()}</p>
      <h3>{t('manage.history')}</h3>
      <Show when={(trail() ?? []).length > 0} fallback={<p class="muted">{t('manage.noHistory')}</p>}>
        <ul class="manage-card__audit" data-testid="manage-audit">
          <For each={trail()}>
            {(entry) => (
              <li>
                {t(`manage.entry.${entry.action}`, { who: entry.actorName ?? t('manage.someone') })}{' '}
                <time datetime={entry.at}>{formatDateTime(entry.at, locale())}</time>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Card>
  );
}
