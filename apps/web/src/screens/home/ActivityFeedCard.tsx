import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createResource } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { Feed } from '../../api/activitySchemas';
import { apiJson } from '../../api/http';
import { formatAgo, formatDate, formatDateTime } from '../../i18n/formatDate';
import { useText } from '../../i18n/useText';

const docHref = (id: string) => `/documents/${encodeURIComponent(id)}`;

/**
 * The home feed (SPEC C237, C238): in the documents the person may read, what others changed in
 * the last fortnight, the actions overdue or due soon (theirs first) and, when the server has
 * comments' mentions, where they were mentioned. Everything is chosen on the server within the
 * policy (ACCESS.md A125).
 */
export function ActivityFeedCard() {
  const t = useText();
  const locale = useLocale();
  const [feed] = createResource(() => apiJson(Feed, '/feed'));
  return (
    <Card labelledBy="feed-heading" testId="activity-feed" class="card--wide">
      <CardHeader id="feed-heading" title={t('feed.title')} />
      <CardBody>
        <Switch>
          <Match when={feed.loading}><p>{t('common.loading')}</p></Match>
          <Match when={feed.error}><p>{t('feed.unavailable')}</p></Match>
          <Match when={feed()}>
            {(f) => (
              <div class="feed">
                <Show when={f().mentions !== undefined}>
                  <h3>{t('feed.mentions')}</h3>
                  <Show when={(f().mentions ?? []).length > 0} fallback={<p>{t('feed.noMentions')}</p>}>
                    <ul class="feed__list" data-testid="feed-mentions">
                      <For each={f().mentions ?? []}>
                        {(m) => (
                          <li>
                            {t('feed.mentionedBy', { person: m.by?.name ?? '' })} <A href={docHref(m.document.id)}>{m.document.title}</A>{' '}
                            <time datetime={m.at} title={formatDateTime(m.at, locale())}>{formatAgo(m.at, locale())}</time>
                            <Show when={m.excerpt}>{(excerpt) => <q class="feed__excerpt">{excerpt()}</q>}</Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </Show>
                <h3>{t('feed.actions')}</h3>
                <Show when={f().actions.length > 0} fallback={<p>{t('feed.noActions')}</p>}>
                  <ul class="feed__list" data-testid="feed-actions">
                    <For each={f().actions}>
                      {(a) => (
                        <li>
                          <span class={`tag tag--flag-${a.flag}`}>{t(`feed.flag.${a.flag}`)}</span>
                          {a.description}{' '}
                          <span class="feed__meta">
                            {t('feed.actionMeta', { owner: a.ownerName, due: formatDate(a.due, locale()) })}
                            <Show when={a.mine}> <span class="tag tag--quiet">{t('feed.yours')}</span></Show>
                            {' · '}<A href={docHref(a.document.id)}>{a.document.title}</A>
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <h3>{t('feed.changes')}</h3>
                <Show when={f().changes.length > 0} fallback={<p>{t('feed.noChanges')}</p>}>
                  <ul class="feed__list" data-testid="feed-changes">
                    <For each={f().changes}>
                      {(c) => (
                        <li>
                          <Show when={c.unseen}><span class="tag">{t('feed.new')}</span></Show>
                          {t('feed.changed', { person: c.person.name, section: c.section[locale()] })}{' '}
                          <A href={docHref(c.document.id)}>{c.document.title}</A>{' '}
                          <time datetime={c.at} title={formatDateTime(c.at, locale())}>{formatAgo(c.at, locale())}</time>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Match>
        </Switch>
      </CardBody>
    </Card>
  );
}
