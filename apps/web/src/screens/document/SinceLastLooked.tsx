import { For, Match, Switch, createResource } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { LookResult } from '../../api/activitySchemas';
import { apiJson } from '../../api/http';
import { formatAgo, formatDateTime } from '../../i18n/formatDate';
import { useText } from '../../i18n/useText';

/**
 * "Since you last looked" (SPEC C234-C236): opening the document records the look on the server
 * and lists who changed which section since the previous one, from the stored update log
 * (ACCESS.md A123). Asked once per opening; offline it says it cannot tell rather than nothing.
 */
export function SinceLastLooked(props: { docId: string }) {
  const t = useText();
  const locale = useLocale();
  const [look] = createResource(() => props.docId, (id) => apiJson(LookResult, `/documents/${encodeURIComponent(id)}/look`, { method: 'POST' }));
  return (
    <section class="since-looked" aria-labelledby="since-looked-heading" data-testid="since-last-looked">
      <h2 id="since-looked-heading" class="since-looked__heading">{t('since.title')}</h2>
      <Switch>
        <Match when={look.loading}><p>{t('common.loading')}</p></Match>
        <Match when={look.error}><p>{t('since.unavailable')}</p></Match>
        <Match when={look()}>
          {(result) => (
            <>
              <p class="hint">
                {result().lastLookedAt ? t('since.lastLooked', { when: formatDateTime(result().lastLookedAt ?? '', locale()) }) : t('since.firstLook')}
              </p>
              <Switch>
                <Match when={result().changes.length === 0}><p data-testid="since-nothing">{t('since.nothing')}</p></Match>
                <Match when={result().changes.length > 0}>
                  <ul class="since-looked__list">
                    <For each={result().changes}>
                      {(change) => (
                        <li data-testid="since-change">
                          {t('since.changed', { person: change.person.name, section: change.section[locale()] })}{' '}
                          <time datetime={change.at} title={formatDateTime(change.at, locale())}>{formatAgo(change.at, locale())}</time>
                        </li>
                      )}
                    </For>
                  </ul>
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
