import { For, Show, type Accessor } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import type { Warning } from '../../api/conveningSchemas';
import { useText } from '../../i18n/useText';

/** The model's structural rules as warnings while proposing (M1-M6, M40): advice, never a block. */
export function ProposalWarnings(props: { warnings: Accessor<Warning[] | undefined> }) {
  const t = useText();
  const locale = useLocale();
  return (
    <section class="proposal-warnings" aria-labelledby="proposal-warnings-heading" data-testid="proposal-warnings" aria-live="polite">
      <h2 id="proposal-warnings-heading">{t('convening.warningsHeading')}</h2>
      <Show when={(props.warnings() ?? []).length > 0} fallback={<p class="notice notice--ok" data-testid="no-warnings">{t('convening.noWarnings')}</p>}>
        <ul class="plain-list">
          <For each={props.warnings()}>
            {(warning) => (
              <li class="notice notice--warning" data-rule={warning.rule}>
                <strong>{warning.rule}</strong> {warning.message[locale()]}
              </li>
            )}
          </For>
        </ul>
        <p class="hint">{t('convening.warningsHint')}</p>
      </Show>
    </section>
  );
}
