import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { MembershipApprovals, type MembershipApproval } from '../../api/conveningSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { createWatched } from '../convening/createWatched';

/**
 * Schools of the officer's LA asked into a collaborative none of the LA's schools is in yet
 * (SPEC C270, M46): beside the proposals to approve, the officer approves or declines each for
 * their LA, seeing whether the school's headteacher has accepted already.
 */
export function MembershipApprovalsCard() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [approvals, reload] = createWatched(async () => (await apiJson(MembershipApprovals, '/membership-approvals')).approvals);
  const decide = async (approval: MembershipApproval, decision: 'approve' | 'decline') => {
    try {
      await postJson(`/membership-approvals/${encodeURIComponent(approval.id)}/decision`, { decision });
      const words = { school: nameIn(approval.school.name, locale()), name: nameIn(approval.collaborative.name, locale()) };
      setMessage({ ok: true, text: t(decision === 'approve' ? 'convening.approvedJoining' : 'convening.declinedJoining', words) });
      reload();
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <Show when={(approvals() ?? []).length > 0 || message()}>
      <Card labelledBy="membership-approvals-heading" testId="membership-approvals-card" class="card--wide">
        <CardHeader id="membership-approvals-heading" title={t('convening.approvalsHeading')} />
        <CardBody>
          <p class="muted">{t('convening.approvalsIntro')}</p>
          <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
          <ul class="plain-list">
            <For each={approvals()}>
              {(approval) => (
                <li class="membership-approval" data-request-id={approval.id} data-school-id={approval.school.id}>
                  <h3 lang={langOf(approval.collaborative.name, locale())}>{nameIn(approval.collaborative.name, locale())}</h3>
                  <Show when={approval.collaborative.purpose}>{(purpose) => <p lang={langOf(purpose(), locale())}>{nameIn(purpose(), locale())}</p>}</Show>
                  <p>
                    {t('convening.approvalFor', { school: nameIn(approval.school.name, locale()), name: approval.requestedBy ?? '', when: formatDateTime(approval.requestedAt, locale()) })}{' '}
                    <span data-testid="school-answer">{t(approval.schoolAccepted ? 'convening.schoolHasAccepted' : 'convening.schoolNotAnswered')}</span>
                  </p>
                  <p>{t('convening.currentMembers')}: <For each={approval.collaborative.members}>{(m, i) => <><Show when={i() > 0}>, </Show><span lang={langOf(m.name, locale())}>{nameIn(m.name, locale())}</span></>}</For></p>
                  <Show when={approval.mayDecide}>
                    <div class="button-row">
                      <button type="button" class="button" onClick={() => void decide(approval, 'approve')}>
                        {t('convening.approve')}<span class="visually-hidden">: {nameIn(approval.school.name, locale())}</span>
                      </button>
                      <button type="button" class="button button--secondary" onClick={() => void decide(approval, 'decline')}>
                        {t('convening.decline')}<span class="visually-hidden">: {nameIn(approval.school.name, locale())}</span>
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </CardBody>
      </Card>
    </Show>
  );
}
