import { For } from 'solid-js';
import { locales, useLocale } from '@cydweithio/ui';
import { useSetLocale } from '../i18n/LocaleSetterContext';
import { useText } from '../i18n/useText';

/**
 * Each option is named in its own language (with lang set), so a person who cannot read the
 * current language still finds theirs. aria-pressed says which one is on, not colour alone.
 */
export function LanguageSwitch() {
  const t = useText();
  const locale = useLocale();
  const setLocale = useSetLocale();
  const ownNames = { cy: 'Cymraeg', en: 'English' } as const;
  return (
    <div class="language-switch" role="group" aria-label={t('shell.language')}>
      <For each={locales}>
        {(option) => (
          <button
            type="button"
            lang={option}
            aria-pressed={locale() === option}
            data-testid={`language-${option}`}
            onClick={() => setLocale(option)}
          >
            {ownNames[option]}
          </button>
        )}
      </For>
    </div>
  );
}
