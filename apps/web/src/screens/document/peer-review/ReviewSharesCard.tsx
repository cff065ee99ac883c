import { createSignal, For, onMount, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest, postJson } from '../../../api/http';
import { ReviewCandidates, ReviewShares, type ReviewCandidate } from '../../../api/schemas';
import { formatDateTime } from '../../../i18n/formatDate';
import { langOf, nameIn } from '../../../i18n/names';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';

/**
 * The host's own shares of its review (G14): with a named person, a collaborative the school is
 * in, or the school's facilitator; each listed with who shared it and when, and revocable. Only
 * the host sees this card; the server refuses anyone else.
 */
export function ReviewSharesCard() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const { connection, summary } = useOpenDocument();
  const docId = connection.provider.roomname;
  const path = `/peer-reviews/${encodeURIComponent(docId)}/shares`;
  const [shares, setShares] = createSignal<ReviewShares>();
  const [people, setPeople] = createSignal<ReviewCandidate[]>();
  const [message, setMessage] = createSignal<string>();
  const isHost = () => summary()?.access === 'owner';
  const hostId = () => summary()?.owner.id ?? '';
  const collaboratives = () => (session.me()?.collaboratives ?? []).filter((c) => c.memberSchoolIds?.includes(hostId()) ?? true);
  const reload = async () => {
    try {
      setShares(await apiJson(ReviewShares, path));
    } catch {
      // Offline or not the host: nothing to show.
    }
  };
  onMount(() => {
    if (isHost()) void reload();
  });
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      await reload();
      setMessage(done);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  const share = (type: string, id: string, name: string) => act(() => postJson(path, { type, id }), t('peerReview.shares.sharedWith', { name }));
  const unshare = (type: string, id: string, name: string) =>
    act(() => apiRequest(`${path}/${type}/${encodeURIComponent(id)}`, { method: 'DELETE' }), t('peerReview.shares.stopped', { name }));
  const shareName = (s: ReviewShares['shares'][number]) => (s.type === 'facilitator' ? t('peerReview.shares.facilitator') : nameIn(s.name, locale()) || s.id);
  const findPeople = async (event: SubmitEvent) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (q.length < 2) return setMessage(t('peerReview.team.searchTooShort'));
    try {
      setPeople((await apiJson(ReviewCandidates, `/peer-reviews/${encodeURIComponent(docId)}/candidates?q=${encodeURIComponent(q)}`)).people);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  return (
    <Show when={isHost()}>
      <section class="card review-shares" aria-labelledby="shares-heading" data-testid="review-shares">
        <h2 id="shares-heading">{t('peerReview.shares.heading')}</h2>
        <p class="muted">{t('peerReview.shares.explain')}</p>
        <Show when={(shares()?.shares.length ?? 0) > 0} fallback={<p class="muted">{t('peerReview.shares.none')}</p>}>
          <ul class="plain-list" data-testid="share-list">
            <For each={shares()?.shares ?? []}>
              {(s) => (
                <li>
                  <strong lang={langOf(s.name, locale())}>{shareName(s)}</strong>
                  <span class="muted"> ({t('peerReview.shares.by', { name: s.sharedByName ?? '', when: formatDateTime(s.sharedAt, locale()) })})</span>
                  <button type="button" class="button button--small button--quiet" onClick={() => void unshare(s.type, s.id, shareName(s))}>
                    {t('peerReview.shares.stop', { name: shareName(s) })}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="form form--inline" onSubmit={(e) => {
          e.preventDefault();
          const id = String(new FormData(e.currentTarget).get('collaborative') ?? '');
          const chosen = collaboratives().find((c) => c.id === id);
          if (chosen) void share('collaborative', chosen.id, nameIn(chosen.name, locale()));
        }}>
          <div class="field">
            <label for="share-collaborative">{t('peerReview.shares.collaborative')}</label>
            <select id="share-collaborative" name="collaborative">
              <For each={collaboratives()}>{(c) => <option value={c.id} lang={langOf(c.name, locale())}>{nameIn(c.name, locale())}</option>}</For>
            </select>
          </div>
          <button type="submit" class="button button--small">{t('peerReview.shares.shareCollaborative')}</button>
        </form>
        <p>
          <button type="button" class="button button--small" onClick={() => void share('facilitator', hostId(), t('peerReview.shares.facilitator'))}>
            {t('peerReview.shares.shareFacilitator')}
          </button>
        </p>
        <form class="form form--inline" onSubmit={(e) => void findPeople(e)} role="search" aria-label={t('peerReview.shares.findPerson')}>
          <div class="field field--grow">
            <label for="share-search">{t('peerReview.shares.personLabel')}</label>
            <input id="share-search" name="q" maxlength="80" autocomplete="off" />
          </div>
          <button type="submit" class="button button--small">{t('peerReview.team.search')}</button>
        </form>
        <Show when={people()}>
          {(found) => (
            <ul class="plain-list">
              <For each={found()}>
                {(person) => (
                  <li>
                    {person.name}
                    <Show when={person.schoolName}>{(school) => <span lang={langOf(school(), locale())}> – {nameIn(school(), locale())}</span>}</Show>
                    <button type="button" class="button button--small" onClick={() => void share('person', person.personId, person.name)}>
                      {t('peerReview.shares.shareWith', { name: person.name })}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
        <p role="status" class="muted">{message()}</p>
      </section>
    </Show>
  );
}
