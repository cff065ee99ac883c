import { A } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { Proposals, type Proposal } from '../../api/conveningSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { createWatched } from '../convening/createWatched';
import { ConfirmRemoveDialog } from '../document/corrections/ConfirmRemoveDialog';

/**
 * Proposed collaboratives (SPEC C247): an LA officer approves or declines for their LA; the
 * proposer and convenors follow each LA's decision, who made it and when, as it happens. The
 * proposer or a named convenor may withdraw it while it waits, after a confirmation (C269).
 */
export function ProposalsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const errorText = useErrorText();
  const [error, setError] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [withdrawing, setWithdrawing] = createSignal<Proposal>();
  const [proposals, reload] = createWatched(async () => (await apiJson(Proposals, '/collaborative-proposals')).proposals);
  // A proposal that just became a collaborative: the person's own list of collaboratives grows.
  let approvedSeen = -1;
  createEffect(() => {
    const approved = (proposals() ?? []).filter((p) => p.status === 'approved').length;
    if (approvedSeen >= 0 && approved > approvedSeen) void session.refresh();
    approvedSeen = approved;
  });
  const decide = async (proposal: Proposal, decision: 'approve' | 'decline') => {
    setError(undefined);
    try {
      await postJson(`/collaborative-proposals/${encodeURIComponent(proposal.id)}/decision`, { decision });
      reload();
      await session.refresh();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const withdraw = async (proposal: Proposal) => {
    setWithdrawing(undefined);
    setError(undefined);
    try {
      await postJson(`/collaborative-proposals/${encodeURIComponent(proposal.id)}/withdraw`, {});
      setDone(t('convening.proposalWithdrawn', { name: nameIn(proposal.name, locale()) }));
      reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  // Focus goes back to the proposal's heading once the dialog closes (its button is gone).
  const focusProposal = (id: string) => queueMicrotask(() => document.querySelector<HTMLElement>(`[data-proposal-id="${CSS.escape(id)}"] h3`)?.focus());
  return (
    <Show when={(proposals() ?? []).length > 0}>
      <Card labelledBy="proposals-heading" testId="proposals-card" class="card--wide">
        <CardHeader id="proposals-heading" title={t('convening.proposalsHeading')} />
        <CardBody>
          <Show when={error()}><p class="notice notice--error" role="alert">{error()}</p></Show>
          <Show when={done()}><p class="notice notice--ok" role="status" data-testid="proposal-message">{done()}</p></Show>
          <ul class="plain-list">
            <For each={proposals()}>
              {(proposal) => (
                <li class="proposal" data-proposal-id={proposal.id} data-status={proposal.status}>
                  <h3 tabIndex={-1} lang={langOf(proposal.name, locale())}>{nameIn(proposal.name, locale())}</h3>
                  <p lang={langOf(proposal.purpose, locale())}>{nameIn(proposal.purpose, locale())}</p>
                  <p class="muted">
                    {t(`convening.structure.${proposal.structure}`)} · {t(`collaborative.kind.${proposal.kind}`)} · {t('convening.proposedBy', { name: proposal.proposer.name, when: formatDateTime(proposal.proposedAt, locale()) })}
                  </p>
                  <p>{t('convening.schoolsNamed')}: <For each={proposal.schools}>{(s, i) => <><Show when={i() > 0}>, </Show><span lang={langOf(s.name, locale())}>{nameIn(s.name, locale())}</span></>}</For></p>
                  <p data-testid="proposal-status">
                    <strong>{t(`convening.status.${proposal.status}`)}</strong>
                    <Show when={proposal.withdrawn}>{(w) => <> – {t('convening.withdrawnBy', { name: w().by.name, when: formatDateTime(w().at, locale()) })}</>}</Show>
                  </p>
                  <ul class="plain-list la-decisions" data-testid="la-decisions">
                    <For each={proposal.las}>
                      {(la) => (
                        <li data-la={la.code} data-decision={la.decision ?? 'waiting'}>
                          <span lang={langOf(la.name, locale())}>{nameIn(la.name, locale())}</span>: {la.decision
                            ? t(`convening.decision.${la.decision}`, { name: la.decidedBy?.name ?? '', when: la.decidedAt ? formatDateTime(la.decidedAt, locale()) : '' })
                            : t('convening.decision.waiting')}
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={proposal.mayDecide}>
                    <div class="button-row">
                      <button type="button" class="button" onClick={() => void decide(proposal, 'approve')}>
                        {t('convening.approve')}<span class="visually-hidden">: {nameIn(proposal.name, locale())}</span>
                      </button>
                      <button type="button" class="button button--secondary" onClick={() => void decide(proposal, 'decline')}>
                        {t('convening.decline')}<span class="visually-hidden">: {nameIn(proposal.name, locale())}</span>
                      </button>
                    </div>
                  </Show>
                  <Show when={proposal.mayWithdraw}>
                    <button type="button" class="button button--secondary" onClick={() => setWithdrawing(proposal)}>
                      {t('convening.withdrawProposal')}<span class="visually-hidden">: {nameIn(proposal.name, locale())}</span>
                    </button>
                  </Show>
                  <Show when={proposal.status === 'approved' && proposal.collaborativeId}>
                    {(id) => <A href={`/collaboratives/${encodeURIComponent(id())}`}>{t('convening.openCollaborative')}</A>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={withdrawing()}>
            {(proposal) => (
              <ConfirmRemoveDialog
                what={nameIn(proposal().name, locale())}
                text={{
                  title: t('convening.confirmWithdrawTitle'),
                  what: t('convening.confirmWithdrawWhat', { what: nameIn(proposal().name, locale()) }),
                  hint: t('convening.confirmWithdrawHint'),
                  confirm: t('convening.confirmWithdraw'),
                }}
                onConfirm={() => { const p = proposal(); void withdraw(p).then(() => focusProposal(p.id)); }}
                onCancel={() => setWithdrawing(undefined)}
              />
            )}
          </Show>
        </CardBody>
      </Card>
    </Show>
  );
}
