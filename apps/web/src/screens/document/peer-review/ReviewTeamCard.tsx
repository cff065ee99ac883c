import { createSignal, For, lazy, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { teamRoles } from '@cydweithio/model/domain/reviewTeam';
import { apiJson, apiRequest, postJson } from '../../../api/http';
import { ReviewCandidates, type ReviewCandidate } from '../../../api/schemas';
import { langOf, nameIn } from '../../../i18n/names';
import { useErrorText } from '../../../i18n/useErrorText';
import { useLabels } from '../../../i18n/useLabels';
import { withAreas } from '../../../i18n/loadedCatalogues';
import { areasFor } from '../../../i18n/screenAreas';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useCorrections } from '../corrections/CorrectionsContext';
import { useReviewLifecycle } from './ReviewLifecycle';

/** C294: loaded only when the host opens it, so the document screen carries none of it (C290). */
const TeamInvitationsPanel = lazy(() => withAreas(areasFor.reviewHost, () => import('./TeamInvitationsPanel')));

/**
 * The review team as the server holds it: who reads and writes is this list, never names typed
 * into the write-up (G10). The host finds people in the all-Wales directory and gives each a
 * role, or invites someone by email (C294); everyone else sees the team.
 */
export function ReviewTeamCard() {
  const [inviting, setInviting] = createSignal(false);
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const { connection, summary } = useOpenDocument();
  const lifecycle = useReviewLifecycle();
  const corrections = useCorrections();
  const docId = connection.provider.roomname;
  const isHost = () => summary()?.access === 'owner' && lifecycle.team()?.stage !== 'closed';
  const [found, setFound] = createSignal<ReviewCandidate[]>();
  const [message, setMessage] = createSignal<string>();
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    if (q.length < 2) return setMessage(t('peerReview.team.searchTooShort'));
    try {
      setFound((await apiJson(ReviewCandidates, `/peer-reviews/${encodeURIComponent(docId)}/candidates?q=${encodeURIComponent(q)}`)).people);
      setMessage(undefined);
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  const add = async (person: ReviewCandidate, role: string) => {
    try {
      await postJson(`/peer-reviews/${encodeURIComponent(docId)}/team`, { personId: person.personId, role });
      await lifecycle.reload();
      lifecycle.announce();
      setMessage(t('peerReview.team.added', { name: person.name }));
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  const remove = async (personId: string, name: string) => {
    try {
      await apiRequest(`/peer-reviews/${encodeURIComponent(docId)}/team/${encodeURIComponent(personId)}`, { method: 'DELETE' });
      await lifecycle.reload();
      lifecycle.announce();
      setMessage(t('peerReview.team.removed', { name }));
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  return (
    <section class="card review-team" aria-labelledby="team-heading" data-testid="review-team">
      <h2 id="team-heading">{t('peerReview.team.heading')}</h2>
      <Show when={(lifecycle.team()?.team.length ?? 0) > 0} fallback={<p class="muted">{t('peerReview.team.empty')}</p>}>
        <ul class="plain-list" data-testid="team-members">
          <For each={lifecycle.team()?.team ?? []}>
            {(member) => (
              <li>
                <strong>{member.name}</strong>
                <Show when={member.schoolName}>{(school) => <span lang={langOf(school(), locale())}> – {nameIn(school(), locale())}</span>}</Show>
                <span class="tag tag--quiet">{label('teamRole', member.role)}</span>
                <Show when={isHost()}>
                  <button type="button" class="button button--small button--quiet" onClick={(e) => corrections.confirm(member.name, t('peerReview.team.removeDetail', { name: member.name }), () => void remove(member.personId, member.name), e.currentTarget)} data-testid="team-remove">
                    {t('peerReview.team.remove', { name: member.name })}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={isHost()}>
        <form class="form form--inline" onSubmit={(e) => void search(e)} role="search" aria-label={t('peerReview.team.search')}>
          <div class="field field--grow">
            <label for="team-search">{t('peerReview.team.searchLabel')}</label>
            <input id="team-search" name="q" maxlength="80" autocomplete="off" />
          </div>
          <button type="submit" class="button button--small">{t('peerReview.team.search')}</button>
        </form>
        <Show when={found()}>
          {(people) => (
            <Show when={people().length > 0} fallback={<p class="muted">{t('peerReview.team.noneFound')}</p>}>
              <ul class="plain-list" data-testid="team-candidates">
                <For each={people()}>
                  {(person, index) => {
                    const id = `candidate-${index()}`;
                    let select: HTMLSelectElement | undefined;
                    return (
                      <li class="candidate">
                        <span>
                          <strong>{person.name}</strong>
                          <Show when={person.schoolName}>{(school) => <span lang={langOf(school(), locale())}> – {nameIn(school(), locale())}</span>}</Show>
                        </span>
                        <label for={id} class="visually-hidden">{t('peerReview.team.roleFor', { name: person.name })}</label>
                        <select id={id} ref={select}>
                          <For each={teamRoles}>{(role) => <option value={role}>{label('teamRole', role)}</option>}</For>
                        </select>
                        <button type="button" class="button button--small" onClick={() => void add(person, select?.value ?? 'reviewer')}>
                          {t('peerReview.team.add', { name: person.name })}
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
          )}
        </Show>
        <Show when={inviting()} fallback={
          <p><button type="button" class="button button--small button--quiet" aria-expanded="false" onClick={() => setInviting(true)} data-testid="team-invite-open">{t('peerReview.invite.heading')}</button></p>
        }>
          <TeamInvitationsPanel docId={docId} />
        </Show>
      </Show>
      <p role="status" class="muted">{message()}</p>
    </section>
  );
}
