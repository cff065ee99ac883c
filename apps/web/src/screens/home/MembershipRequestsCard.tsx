import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { MembershipRequests, type MembershipRequest } from '../../api/conveningSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { createWatched } from '../convening/createWatched';

/**
 * A headteacher answers for their school: join the collaborative that asked, or decline (SPEC
 * C248). A school from an LA new to the collaborative joins once that LA approves too (C270):
 * after accepting, the request says what it still waits for.
 */
export function MembershipRequestsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [requests, reload] = createWatched(async () => (await apiJson(MembershipRequests, '/membership-requests')).requests);
  const answer = async (request: MembershipRequest, accept: boolean) => {
    try {
      const response = await postJson(`/membership-requests/${encodeURIComponent(request.id)}/answer`, { accept });
      const { joined } = (await response.json()) as { joined?: boolean };
      const key = !accept ? 'convening.declinedMessage' : joined === false ? 'convening.acceptedMessage' : 'convening.joinedMessage';
      setMessage({ ok: true, text: t(key, { name: nameIn(request.collaborative.name, locale()) }) });
      reload();
      await session.refresh();
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <Show when={(requests() ?? []).length > 0 || message()}>
      <Card labelledBy="membership-requests-heading" testId="membership-requests-card">
        <CardHeader id="membership-requests-heading" title={t('convening.requestsHeading')} />
        <CardBody>
          <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
          <ul class="plain-list">
            <For each={requests()}>
              {(request) => (
                <li class="membership-request" data-request-id={request.id}>
                  <h3 lang={langOf(request.collaborative.name, locale())}>{nameIn(request.collaborative.name, locale())}</h3>
                  <Show when={request.collaborative.purpose}>{(purpose) => <p lang={langOf(purpose(), locale())}>{nameIn(purpose(), locale())}</p>}</Show>
                  <p class="muted">
                    {t('convening.askedFor', { school: nameIn(request.school.name, locale()), name: request.requestedBy ?? '', when: formatDateTime(request.requestedAt, locale()) })}
                  </p>
                  <p>{t('convening.currentMembers')}: <For each={request.collaborative.members}>{(m, i) => <><Show when={i() > 0}>, </Show><span lang={langOf(m.name, locale())}>{nameIn(m.name, locale())}</span></>}</For></p>
                  <Show when={request.schoolAccepted && request.approvalLa}>
                    {(la) => <p data-testid="waiting-for-la">{t('convening.acceptedWaitingLa', { la: nameIn(la().name, locale()) })}</p>}
                  </Show>
                  <div class="button-row">
                    {/* Accepted and waiting for the LA: the school can still change its mind and decline. */}
                    <Show when={!request.schoolAccepted}>
                      <button type="button" class="button" onClick={() => void answer(request, true)}>
                        {t('convening.acceptJoin')}<span class="visually-hidden">: {nameIn(request.collaborative.name, locale())}</span>
                      </button>
                    </Show>
                    <button type="button" class="button button--secondary" onClick={() => void answer(request, false)}>
                      {t('convening.declineJoin')}<span class="visually-hidden">: {nameIn(request.collaborative.name, locale())}</span>
                    </button>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </CardBody>
      </Card>
    </Show>
  );
}
