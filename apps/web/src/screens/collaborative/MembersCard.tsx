import { For, Show, type Accessor } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import type { CollaborativeDirectory, Reader } from '../../api/schemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';

/** Every convenor, first-named and joint (C306); a server that names only the first gives that one. */
function convenorsOf(dir: CollaborativeDirectory) {
  if (dir.convenors.length > 0) return dir.convenors;
  return dir.convenor ? [dir.convenor] : [];
}

/**
 * Member schools, the convenors and facilitators, and the people who take part (from who can
 * read the workspace), each with their role in words.
 */
export function MembersCard(props: {
  directory: Accessor<CollaborativeDirectory | undefined>;
  people: Accessor<Reader[]>;
  /** The convenor manages membership: a remove button per member school. */
  onRemoveSchool?: (schoolId: string) => void;
}) {
  const t = useText();
  const locale = useLocale();
  return (
    <Card labelledBy="members-heading" class="card--wide" testId="members-card">
      <CardHeader id="members-heading" title={t('collaborative.members')} />
      <CardBody>
        <Show when={props.directory()} fallback={<p class="muted">{t('collaborative.membersUnavailable')}</p>}>
          {(dir) => (
            <div class="members">
              <div>
                <h3>{t('collaborative.schools')}</h3>
                <ul class="plain-list">
                  <For each={dir().members}>
                    {(school) => (
                      <li class="member-school" data-school-id={school.id}>
                        <span lang={langOf(school.name, locale())}>{nameIn(school.name, locale())}</span>
                        <Show when={props.onRemoveSchool}>
                          {(remove) => (
                            <button type="button" class="button button--small button--secondary" onClick={() => remove()(school.id)}>
                              {t('common.remove')}
                              <span class="visually-hidden">: {nameIn(school.name, locale())}</span>
                            </button>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
              <div>
                <h3>{t('collaborative.people')}</h3>
                <ul class="plain-list" data-testid="members-people">
                  <For each={convenorsOf(dir())}>{(c) => <li data-testid="members-convenor" data-person={c.id}>{c.name} – {t('roles.convenor')}</li>}</For>
                  <For each={dir().facilitators}>{(f) => <li>{f.name} – {t('roles.la-facilitator')}</li>}</For>
                  <For each={props.people().filter((p) => !convenorsOf(dir()).some((c) => c.id === p.personId) && !dir().facilitators.some((f) => f.id === p.personId))}>
                    {(p) => <li>{p.name}<Show when={p.role}> – {t(`roles.${p.role ?? ''}`)}</Show></li>}
                  </For>
                </ul>
              </div>
            </div>
          )}
        </Show>
      </CardBody>
    </Card>
  );
}
