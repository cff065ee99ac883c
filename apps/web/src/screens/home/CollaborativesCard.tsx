import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import type { CollaborativeSummary } from '../../api/schemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';

/** Vertical (cluster) and horizontal collaboratives in separate, worded groups (SPEC C14). */
export function CollaborativesCard() {
  const t = useText();
  const session = useSession();
  const of = (kind: 'vertical' | 'horizontal') => (session.me()?.collaboratives ?? []).filter((c) => c.kind === kind);
  return (
    <Card labelledBy="collaboratives-heading" testId="collaboratives-card">
      <CardHeader id="collaboratives-heading" title={t('home.collaboratives')} />
      <CardBody>
        <Show when={(session.me()?.collaboratives.length ?? 0) > 0} fallback={<p>{t('home.noCollaboratives')}</p>}>
          <KindGroup kind="vertical" items={of('vertical')} heading={t('collaborative.kind.verticalPlural')} />
          <KindGroup kind="horizontal" items={of('horizontal')} heading={t('collaborative.kind.horizontalPlural')} />
        </Show>
        {/* A school leader proposes one (C245); the server decides again who may (P105). */}
        <Show when={(session.me()?.roles ?? []).some((r) => r.role === 'headteacher' || r.role === 'senior-leader')}>
          <p><A href="/collaboratives/new" class="button button--secondary">{t('convening.proposeLink')}</A></p>
        </Show>
      </CardBody>
    </Card>
  );
}

function KindGroup(props: { kind: 'vertical' | 'horizontal'; items: CollaborativeSummary[]; heading: string }) {
  const t = useText();
  const locale = useLocale();
  return (
    <div class={`kind-group kind-group--${props.kind}`} data-testid={`collaboratives-${props.kind}`}>
      <h3 class={`kind-tag kind-tag--${props.kind}`}>{props.heading}</h3>
      <Show when={props.items.length > 0} fallback={<p class="muted">{t('home.noneOfKind')}</p>}>
        <ul class="plain-list">
          <For each={props.items}>
            {(c) => (
              <li>
                <A href={`/collaboratives/${encodeURIComponent(c.id)}`} lang={langOf(c.name, locale())}>{nameIn(c.name, locale())}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
