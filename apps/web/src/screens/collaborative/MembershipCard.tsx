import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest, postJson } from '../../api/http';
import { Membership, type Warning } from '../../api/conveningSchemas';
import type { Name } from '../../api/schemas';
import { formatDateTime } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { createWatched } from '../convening/createWatched';
import { SchoolSearch } from '../convening/SchoolSearch';

/**
 * Who is joining and who has come and gone (SPEC C249): the convenor asks a school from the
 * directory, open requests wait for their headteachers (and for a new LA's officer, C270), a
 * member school's headteacher can take it out, and the history says who did what and when.
 * Read again every two seconds.
 */
export function MembershipCard(props: { collaborativeId: string; onChanged: () => void }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string; warnings?: Warning[] }>();
  const base = () => `/collaboratives/${encodeURIComponent(props.collaborativeId)}`;
  const [membership, reload] = createWatched(async () => {
    const fresh = await apiJson(Membership, `${base()}/membership`);
    props.onChanged();
    return fresh;
  });
  type Created = { warnings?: Warning[]; request?: { approvalLa?: { name?: Name | null } | null } };
  const act = async (work: () => Promise<Response>, ok: string | ((created: Created) => string)) => {
    try {
      const response = await work();
      const body = response.status === 201 ? ((await response.json()) as Created) : {};
      setMessage({ ok: true, text: typeof ok === 'string' ? ok : ok(body), ...(body.warnings ? { warnings: body.warnings } : {}) });
      reload();
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  // A school from an LA new to the collaborative waits for that LA too (M46): the message says so.
  const askedText = (school: string, approvalLa: { name?: Name | null } | null | undefined) =>
    approvalLa ? t('convening.askedMessageNeedsLa', { school, la: nameIn(approvalLa.name, locale()) }) : t('convening.askedMessage', { school });
  const leave = (schoolId: string, name: string) => {
    if (!window.confirm(t('convening.confirmLeave', { school: name }))) return;
    void act(() => postJson(`${base()}/leave`, { schoolId }), t('convening.left', { school: name }));
  };
  return (
    <Card labelledBy="membership-heading" class="card--wide" testId="membership-card">
      <CardHeader id="membership-heading" title={t('convening.membershipHeading')} />
      <CardBody>
        <Show when={membership()} fallback={<p class="muted">{t('collaborative.membersUnavailable')}</p>}>
          {(m) => (
            <>
              <Show when={message()}>
                {(msg) => (
                  <div class={`notice ${msg().ok ? 'notice--ok' : 'notice--error'}`} role={msg().ok ? 'status' : 'alert'}>
                    <p>{msg().text}</p>
                    <Show when={(msg().warnings ?? []).length > 0}>
                      <ul class="plain-list"><For each={msg().warnings}>{(w) => <li data-rule={w.rule}><strong>{w.rule}</strong> {w.message[locale()]}</li>}</For></ul>
                    </Show>
                  </div>
                )}
              </Show>
              <For each={m().members.filter((s) => s.mayLeave)}>
                {(school) => (
                  <button type="button" class="button button--secondary" onClick={() => leave(school.id, nameIn(school.name, locale()))}>
                    {t('convening.leave', { school: nameIn(school.name, locale()) })}
                  </button>
                )}
              </For>
              <h3>{t('convening.waiting')}</h3>
              <ul class="plain-list" data-testid="membership-requests">
                <For each={m().requests} fallback={<li class="muted">{t('convening.noneWaiting')}</li>}>
                  {(r) => (
                    <li data-school-id={r.schoolId}>
                      <span lang={langOf(r.schoolName, locale())}>{nameIn(r.schoolName, locale())}</span>
                      <span class="muted"> – {t('convening.askedBy', { name: r.requestedBy ?? '', when: formatDateTime(r.requestedAt, locale()) })}</span>
                      <Show when={r.approvalLa}>
                        {(la) => (
                          <span class="muted" data-testid="request-waits-for" data-la-approved={String(la().approved)}>
                            {' '}({[
                              ...(r.schoolAccepted ? [t('convening.schoolAccepted')] : []),
                              t(la().approved ? 'convening.laApproved' : 'convening.waitingForLa', { la: nameIn(la().name, locale()) }),
                            ].join('; ')})
                          </span>
                        )}
                      </Show>
                      <Show when={m().mayAsk}>
                        <button type="button" class="button button--small button--secondary"
                          onClick={() => void act(() => apiRequest(`${base()}/member-requests/${encodeURIComponent(r.id)}`, { method: 'DELETE' }), t('convening.withdrawn'))}>
                          {t('convening.withdraw')}<span class="visually-hidden">: {nameIn(r.schoolName, locale())}</span>
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={m().mayAsk}>
                <h3>{t('convening.addSchool')}</h3>
                <SchoolSearch id="add-school" path={`${base()}/school-candidates`} actionLabel={t('convening.ask')}
                  onPick={(school) => act(() => postJson(`${base()}/member-requests`, { schoolId: school.id }), (created) => askedText(nameIn(school.name, locale()), created.request?.approvalLa))} />
              </Show>
              <h3>{t('convening.history')}</h3>
              <ol class="plain-list membership-history" data-testid="membership-history">
                <For each={m().history}>
                  {(h) => (
                    <li data-event={h.event} data-school-id={h.schoolId}>
                      {t(`convening.event.${h.event}`, { school: nameIn(h.schoolName, locale()), name: h.by ?? '', when: formatDateTime(h.at, locale()) })}
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </Show>
      </CardBody>
    </Card>
  );
}
