import { createSignal, For, onMount, Show } from 'solid-js';
import * as z from 'zod/mini';
import { A } from '@solidjs/router';
import { useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest, postJson } from '../../../api/http';
import { Name } from '../../../api/schemas';
import { formatDateTime } from '../../../i18n/formatDate';
import { langOf, nameIn } from '../../../i18n/names';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useCorrections } from '../corrections/CorrectionsContext';

/** GET /api/peer-reviews/:id/extracts (server G40): the host's collaboratives and what is published where. */
const ExtractState = z.looseObject({
  collaboratives: z.array(z.looseObject({ id: z.string(), name: Name })),
  extracts: z.array(z.looseObject({ documentId: z.string(), collaborativeId: z.string(), collaborativeName: z.nullish(Name), refreshedAt: z.string() })),
});
type ExtractState = z.infer<typeof ExtractState>;

/**
 * C298: the host publishes the review's strengths to one of its collaboratives as a document of
 * its own, refreshes it from the strengths now, or withdraws it (asked first, C280). A chunk of
 * its own, loaded only when the host opens it, so the document screen carries none of it (C290).
 */
export default function PublishStrengthsCard(props: { docId: string }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const corrections = useCorrections();
  const path = `/peer-reviews/${encodeURIComponent(props.docId)}/extracts`;
  const [state, setState] = createSignal<ExtractState>();
  const [message, setMessage] = createSignal<string>();
  const reload = async () => {
    try {
      setState(await apiJson(ExtractState, path));
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  onMount(() => void reload());
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      await reload();
      setMessage(done);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  const name = (id: string, given?: Name | null) => nameIn(given ?? state()?.collaboratives.find((c) => c.id === id)?.name ?? id, locale());
  const publish = (id: string) => act(() => postJson(path, { collaborativeId: id }), t('peerReview.extracts.published', { name: name(id) }));
  const withdraw = (id: string) => act(() => apiRequest(`${path}/${encodeURIComponent(id)}`, { method: 'DELETE' }), t('peerReview.extracts.withdrawn', { name: name(id) }));
  return (
    <section class="card" aria-labelledby="extracts-heading" data-testid="publish-strengths">
      <h2 id="extracts-heading">{t('peerReview.extracts.heading')}</h2>
      <p class="muted">{t('peerReview.extracts.explain')}</p>
      <Show when={(state()?.extracts.length ?? 0) > 0} fallback={<p class="muted">{t('peerReview.extracts.none')}</p>}>
        <ul class="plain-list" data-testid="extract-list">
          <For each={state()?.extracts ?? []}>
            {(x) => (
              <li>
                <A href={`/documents/${encodeURIComponent(x.documentId)}`} lang={langOf(x.collaborativeName ?? '', locale())}>{name(x.collaborativeId, x.collaborativeName)}</A>
                <span class="muted"> ({t('peerReview.extracts.when', { when: formatDateTime(x.refreshedAt, locale()) })})</span>
                <button type="button" class="button button--small" onClick={() => void publish(x.collaborativeId)} data-testid="extract-refresh">
                  {t('peerReview.extracts.refresh', { name: name(x.collaborativeId, x.collaborativeName) })}
                </button>
                <button type="button" class="button button--small button--quiet" data-testid="extract-withdraw"
                  onClick={(e) => corrections.confirm(name(x.collaborativeId, x.collaborativeName), t('peerReview.extracts.withdrawDetail'), () => void withdraw(x.collaborativeId), e.currentTarget)}>
                  {t('peerReview.extracts.withdraw', { name: name(x.collaborativeId, x.collaborativeName) })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="form form--inline" onSubmit={(e) => {
        e.preventDefault();
        const id = String(new FormData(e.currentTarget).get('collaborative') ?? '');
        if (id) void publish(id);
      }}>
        <div class="field">
          <label for="extract-collaborative">{t('peerReview.shares.collaborative')}</label>
          <select id="extract-collaborative" name="collaborative">
            <For each={state()?.collaboratives ?? []}>{(c) => <option value={c.id} lang={langOf(c.name, locale())}>{nameIn(c.name, locale())}</option>}</For>
          </select>
        </div>
        <button type="submit" class="button button--small" data-testid="extract-publish">{t('peerReview.extracts.publish')}</button>
      </form>
      <p role="status" class="muted" data-testid="extract-status">{message()}</p>
    </section>
  );
}
