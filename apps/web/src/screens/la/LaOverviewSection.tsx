import { createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { LaOverviewAnswer, overviewFromAnswer, Partnerships } from '../../api/laSchemas';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { OverviewGroupView } from './OverviewGroupView';
import { bumpLaRevision, laRevision, useLaRole } from './laContext';
import { useDomainLabel } from './laLabels';

/**
 * O5-O10: the LA's themes and the four areas, from agreed records only, for the LA or one of its
 * partnerships. The officer keeps the theme list here. Themes by label, areas in the guidance's
 * order, schools by number: nothing is ranked.
 */
export function LaOverviewSection(props: { laCode: number }) {
  const t = useText();
  const locale = useLocale();
  const label = useDomainLabel();
  const errorText = useErrorText();
  const role = useLaRole();
  const [scope, setScope] = createSignal('la');
  const [partnerships] = createResource(() => props.laCode, (la) => apiJson(Partnerships, `/la/${la}/partnerships`));
  const path = () => (scope() === 'la' ? `/la/${props.laCode}/overview` : `/la/partnerships/${encodeURIComponent(scope())}/overview`);
  const [overview] = createResource(() => [path(), laRevision()] as const, ([p]) => apiJson(LaOverviewAnswer, p).then(overviewFromAnswer));
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const tagLabel = (id: string) => overview()?.tags.find((tag) => tag.id === id)?.label[locale()] ?? id;

  const addTheme = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      await postJson(`/la/${props.laCode}/themes`, { label: { cy: data.get('cy'), en: data.get('en') } });
      form.reset();
      setMessage({ ok: true, text: t('laPicture.themeAdded') });
      bumpLaRevision();
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  return (
    <section aria-labelledby="la-themes" data-testid="la-overview">
      <h2 id="la-themes">{t('laPicture.overviewHeading')}</h2>
      <p class="hint">{t('laPicture.agreedOnly')}</p>
      <Show when={(partnerships()?.partnerships.length ?? 0) > 0}>
        <div class="field">
          <label for="la-scope">{t('laPicture.scope')}</label>
          <select id="la-scope" data-testid="la-scope" value={scope()} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="la">{t('laPicture.scopeLa')}</option>
            <For each={partnerships()?.partnerships ?? []}>{(p) => <option value={p.id}>{t('laPicture.scopePartnership', { topic: p.topic[locale()] })}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={role.isOfficer() && scope() === 'la'}>
        <form class="form form--inline" onSubmit={addTheme} data-testid="theme-form">
          <div class="field">
            <label for="theme-cy">{t('laPicture.themeCy')}</label>
            <input id="theme-cy" name="cy" lang="cy" required maxLength={80} autocomplete="off" />
          </div>
          <div class="field">
            <label for="theme-en">{t('laPicture.themeEn')}</label>
            <input id="theme-en" name="en" lang="en" required maxLength={80} autocomplete="off" />
          </div>
          <button type="submit" class="button">{t('laPicture.addTheme')}</button>
        </form>
      </Show>
      <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
      <Show when={overview()} fallback={<p class="muted">{overview.error ? errorText(overview.error) : t('laPicture.loading')}</p>}>
        {(o) => (
          <>
            <h3>{t('laPicture.themes')}</h3>
            <Show when={o().themes.length > 0} fallback={<p class="muted">{t('laPicture.noThemes')}</p>}>
              <For each={o().themes}>
                {(theme) => (
                  <details class="la-group" data-testid="theme-group" data-tag={theme.tagId}>
                    <summary><span class="la-group__title">{tagLabel(theme.tagId)}</span> <span class="muted">{t('laPicture.groupCounts', { schools: theme.schoolIds.length, collaboratives: theme.collaborativeIds.length })}</span></summary>
                    <OverviewGroupView group={theme} overview={o()} laCode={props.laCode} idPrefix={`theme-${theme.tagId}`} />
                  </details>
                )}
              </For>
            </Show>
            <h3>{t('laPicture.areas')}</h3>
            <For each={o().areas}>
              {(area) => (
                <details class="la-group" data-testid="area-group" data-area={area.area}>
                  <summary><span class="la-group__title">{label('area', area.area)}</span> <span class="muted">{t('laPicture.groupCounts', { schools: area.schoolIds.length, collaboratives: area.collaborativeIds.length })}</span></summary>
                  <OverviewGroupView group={area} overview={o()} laCode={props.laCode} idPrefix={`area-${area.area}`} />
                </details>
              )}
            </For>
            <Show when={o().withoutApprovedPlan.length > 0}>
              <p class="hint">{t('laPicture.withoutPlan', { count: o().withoutApprovedPlan.length })}</p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
