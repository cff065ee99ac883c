import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson } from '../../api/http';
import { FoundSchools, type FoundSchool } from '../../api/conveningSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';

/**
 * Finding a school in the all-Wales directory by its name in either language, its number or its
 * LA (G26). Each result has one button that picks it; a school already in or asked says so.
 */
export function SchoolSearch(props: { id: string; path: string; actionLabel: string; onPick: (school: FoundSchool) => void | Promise<void>; exclude?: readonly string[] }) {
  const t = useText();
  const locale = useLocale();
  const [results, setResults] = createSignal<FoundSchool[]>();
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (q.length < 2) return;
    try {
      setResults((await apiJson(FoundSchools, `${props.path}?q=${encodeURIComponent(q)}`)).schools);
    } catch {
      setResults([]);
    }
  };
  return (
    <div class="school-search" data-testid={`${props.id}-search`}>
      <form class="form form--inline" role="search" onSubmit={search}>
        <label for={`${props.id}-q`}>{t('convening.findSchool')}</label>
        <p class="hint" id={`${props.id}-hint`}>{t('convening.findSchoolHint')}</p>
        <input id={`${props.id}-q`} name="q" type="search" minLength={2} maxLength={80} aria-describedby={`${props.id}-hint`} autocomplete="off" />
        <button type="submit" class="button button--secondary">{t('convening.search')}</button>
      </form>
      <Show when={results()}>
        {(found) => (
          <Show when={found().length > 0} fallback={<p class="muted" role="status">{t('convening.noSchoolsFound')}</p>}>
            <ul class="plain-list search-results" aria-label={t('convening.results')}>
              <For each={found().filter((s) => !(props.exclude ?? []).includes(s.id))}>
                {(school) => (
                  <li class="search-result" data-school-id={school.id}>
                    <span lang={langOf(school.name, locale())}>{nameIn(school.name, locale())}</span>
                    <span class="muted"> ({school.id}, {t(`convening.setting.${school.setting}`)})</span>
                    <Show when={school.state} fallback={
                      <button type="button" class="button button--small" onClick={() => void props.onPick(school)}>
                        {props.actionLabel}<span class="visually-hidden">: {nameIn(school.name, locale())}</span>
                      </button>
                    }>
                      {(state) => <span class="tag">{t(`convening.schoolState.${state()}`)}</span>}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}
