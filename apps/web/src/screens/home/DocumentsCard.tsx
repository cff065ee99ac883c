import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';

/** Documents this person can open, with kind, owner and their access in words. */
export function DocumentsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  // An archived one opened by its address is remembered, but is listed only as archived (C221).
  const listed = () => session.documents().filter((doc) => !doc.archivedAt);
  return (
    <Card labelledBy="documents-heading" testId="documents-card" class="card--wide">
      <CardHeader id="documents-heading" title={t('home.documents')} />
      <CardBody>
        <Show when={listed().length > 0} fallback={<p>{t('home.noDocuments')}</p>}>
          <ul class="document-list">
            <For each={listed()}>
              {(doc) => (
                <li class="document-list__item">
                  <A href={`/documents/${encodeURIComponent(doc.id)}`} class="document-list__title">{doc.titles?.[locale()] || doc.title}</A>
                  <span class="document-list__meta">
                    <span class="tag">{t(`documentKind.${doc.kind}`)}</span>
                    <span lang={langOf(doc.owner.name, locale())}>{nameIn(doc.owner.name, locale())}</span>
                    <span class="tag tag--quiet">{t(`access.${doc.access}`)}</span>
                    <Show when={doc.openComments}>
                      {(count) => <span class="tag tag--quiet" data-testid="document-open-comments">{t('comments.listCount', { count: count() })}</span>}
                    </Show>
                    <Show when={doc.kind === 'peer-review'}>
                      <span class="tag tag--quiet">{doc.sharedWithLa ? t('peerReview.sharedWithLa') : t('peerReview.notShared')}</span>
                    </Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </CardBody>
    </Card>
  );
}
