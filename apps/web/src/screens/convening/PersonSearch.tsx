import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson } from '../../api/http';
import { FoundPeople, type FoundPerson } from '../../api/conveningSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';

/**
 * Finding a convenor (a school leader) or an LA facilitator by name or school (G21); `path`
 * searches another route answering the same shape (a collaborative's convenor candidates, G43),
 * and `actionLabel` names what picking does.
 */
export function PersonSearch(props: {
  id: string; role: 'leader' | 'facilitator'; label: string; onPick: (person: FoundPerson) => void; exclude: readonly string[];
  path?: string; actionLabel?: string;
}) {
  const t = useText();
  const locale = useLocale();
  const [results, setResults] = createSignal<FoundPerson[]>();
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input');
    const q = (input?.value ?? '').trim();
    if (q.length < 2) return;
    try {
      const path = props.path ? `${props.path}?q=${encodeURIComponent(q)}` : `/collaborative-proposals/people?role=${props.role}&q=${encodeURIComponent(q)}`;
      setResults((await apiJson(FoundPeople, path)).people);
    } catch {
      setResults([]);
    }
  };
  return (
    <div class="person-search">
      <form class="form form--inline" role="search" onSubmit={search}>
        <label for={`${props.id}-q`}>{props.label}</label>
        <input id={`${props.id}-q`} type="search" minLength={2} maxLength={80} autocomplete="off" />
        <button type="submit" class="button button--secondary">{t('convening.search')}</button>
      </form>
      <Show when={results()}>
        {(found) => (
          <Show when={found().length > 0} fallback={<p class="muted" role="status">{t('convening.noPeopleFound')}</p>}>
            <ul class="plain-list search-results">
              <For each={found().filter((p) => !props.exclude.includes(p.personId))}>
                {(person) => (
                  <li>
                    {person.name}
                    <Show when={person.schoolName}>{(school) => <span class="muted" lang={langOf(school(), locale())}> – {nameIn(school(), locale())}</span>}</Show>
                    <button type="button" class="button button--small" onClick={() => { props.onPick(person); setResults(undefined); }}>
                      {props.actionLabel ?? t('convening.add')}<span class="visually-hidden">: {person.name}</span>
                    </button>
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
