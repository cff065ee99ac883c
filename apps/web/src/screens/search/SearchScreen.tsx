import { A, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch, createResource, onMount } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson } from '../../api/http';
import { SearchResults } from '../../api/activitySchemas';
import { formatNumber } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { usePageTitle } from '../usePageTitle';
import { Highlighted } from './Highlighted';

/**
 * /search?q= (SPEC C230-C233): the documents the person may read whose title or text holds every
 * word, searched on the server within the policy. The query lives in the address, so a search
 * can be bookmarked and Back returns to it; the box has focus on arrival and Enter searches.
 */
export default function SearchScreen() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams<{ q?: string }>();
  usePageTitle(() => t('search.title'));
  const query = () => (params.q ?? '').trim();
  const [found, { refetch }] = createResource(() => (query().length >= 2 ? query() : undefined), (q) => apiJson(SearchResults, `/search?q=${encodeURIComponent(q)}`));
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const q = input?.value.trim() ?? '';
    // Searching the same words again asks the server again: what was written since is found.
    if (q === query()) void refetch();
    else setParams({ q });
  };
  return (
    <div class="search" data-testid="search-screen">
      <h1>{t('search.title')}</h1>
      <form role="search" class="form search__form" onSubmit={submit}>
        <label for="search-q">{t('search.label')}</label>
        <p id="search-hint" class="hint">{t('search.hint')}</p>
        <div class="search__row">
          <input id="search-q" name="q" type="search" minlength="2" maxlength="200" required value={params.q ?? ''} aria-describedby="search-hint" ref={input} />
          <button type="submit" class="button">{t('search.submit')}</button>
        </div>
      </form>
      <p role="status" class="search__status" data-testid="search-status">
        <Switch>
          <Match when={found.loading}>{t('search.searching')}</Match>
          <Match when={found.error}>{errorText(found.error)}</Match>
          <Match when={found()?.results.length === 0}>{t('search.none', { query: query() })}</Match>
          <Match when={found()}>{(r) => t('search.count', { count: formatNumber(r().results.length) })}</Match>
        </Switch>
      </p>
      <Show when={!found.error && found()?.results.length}>
        <ol class="search-results" data-testid="search-results">
          <For each={found()?.results ?? []}>
            {(hit) => (
              <li class="search-result" data-doc-id={hit.id}>
                <A href={`/documents/${encodeURIComponent(hit.id)}`} class="search-result__title"><Highlighted text={hit.title} query={query()} /></A>
                <span class="document-list__meta">
                  <span class="tag">{t(`documentKind.${hit.kind}`)}</span>
                  <span lang={langOf(hit.owner.name, locale())}>{nameIn(hit.owner.name, locale())}</span>
                </span>
                <Show when={hit.section}>
                  {(section) => <p class="search-result__section">{t('search.inSection', { section: section()[locale()] })}</p>}
                </Show>
                <Show when={hit.snippet}>
                  {(snippet) => <p class="search-result__snippet"><Highlighted text={snippet()} query={query()} /></p>}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
