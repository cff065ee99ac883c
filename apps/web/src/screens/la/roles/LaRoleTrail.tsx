import { For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { formatDateTime } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import type { LaAccess } from './laAccess';

/**
 * O40: every grant and removal of the LA's roles, newest first, from the audit log: who did it,
 * to whom, which role, when. Names gone from the directory read as such, never as an id.
 */
export function LaRoleTrail(props: { trail: LaAccess['trail'] }) {
  const t = useText();
  const locale = useLocale();
  const nameOf = (ref: { name?: string | null | undefined } | null | undefined) => ref?.name ?? t('laRoles.someone');
  return (
    <Card labelledBy="la-roles-trail-heading" testId="la-roles-trail">
      <CardHeader id="la-roles-trail-heading" title={t('laRoles.trail')} />
      <CardBody>
        <Show when={props.trail.length > 0} fallback={<p class="muted">{t('laRoles.noTrail')}</p>}>
          <ul class="plain-list">
            <For each={props.trail}>
              {(entry) => {
                const words = () => ({ by: nameOf(entry.by), name: nameOf(entry.person), role: t(`roles.${entry.role ?? 'unknown'}`) });
                return (
                  <li data-testid="la-roles-trail-entry" data-action={entry.action}>
                    {entry.action === 'granted' ? t('laRoles.trailGranted', words()) : t('laRoles.trailRevoked', words())}
                    {' '}<span class="muted">(<time datetime={entry.at}>{formatDateTime(entry.at, locale())}</time>)</span>
                  </li>
                );
              }}
            </For>
          </ul>
        </Show>
      </CardBody>
    </Card>
  );
}
