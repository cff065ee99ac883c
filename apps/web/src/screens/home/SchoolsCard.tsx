import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { decideViewAccess } from '@cydweithio/model/policy/grants';
import type { RoleAssignment } from '@cydweithio/model/domain/person';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';

export function SchoolsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const schools = () => session.me()?.schools ?? [];
  const rolesAt = (schoolId: string) =>
    (session.me()?.roles ?? []).filter((r) => r.schoolId === schoolId).map((r) => t(`roles.${r.role}`)).join(', ');
  // P44: the access list is the headteacher's (and their LA officer's); the server decides again.
  const seesAccess = (school: { id: string; laCode?: number | undefined }) => {
    const me = session.me();
    if (!me || school.laCode === undefined) return false;
    return decideViewAccess({ personId: me.person.id, roles: me.roles as unknown as RoleAssignment[] }, { type: 'school', schoolId: school.id, laCode: school.laCode }).allow;
  };
  return (
    <Card labelledBy="schools-heading" testId="schools-card">
      <CardHeader id="schools-heading" title={t('home.schools')} />
      <CardBody>
        <Show when={schools().length > 0} fallback={<p>{t('home.noSchools')}</p>}>
          <ul class="plain-list">
            <For each={schools()}>
              {(school) => (
                <li>
                  <strong lang={langOf(school.name, locale())}>{nameIn(school.name, locale())}</strong>
                  <Show when={rolesAt(school.id)}>
                    <span class="muted"> – {rolesAt(school.id)}</span>
                  </Show>
                  <Show when={seesAccess(school)}>
                    {' '}<A href={`/schools/${encodeURIComponent(school.id)}/access`} data-testid="school-access-link">{t('access.link')}</A>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </CardBody>
    </Card>
  );
}
