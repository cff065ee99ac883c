import { For, Show, onMount } from 'solid-js';
import { env } from '../../env';
import { hasCatalogue, loadCatalogue } from '../../i18n/loadedCatalogues';
import { translatorFor, useText } from '../../i18n/useText';
import { hwbStartHref } from './signInMethods';

/**
 * "Mewngofnodi gyda Hwb": a plain link to the server, which redirects to the provider
 * (rel=external: the router leaves it to the browser). A link, not a form or a script, so the
 * page's content security policy (form-action, connect-src) never stands in its way.
 */
export function HwbSignInLink(props: { next: string; label?: 'signIn' | 'acceptWithHwb' }) {
  const t = useText();
  return (
    <a class="button hwb-sign-in" data-testid="hwb-sign-in" rel="external" href={hwbStartHref(env.apiBase, props.next)}>
      {t(`hwb.${props.label ?? 'signIn'}`)}
    </a>
  );
}

const inWelsh = translatorFor(() => 'cy');
const inEnglish = translatorFor(() => 'en');

/**
 * Why Hwb sign-in was refused, in both languages (Welsh first): the person arrives here from the
 * provider's page and may not have chosen a language yet. Unknown codes read as a general failure.
 * The page loaded only the language it shows, so the other is loaded here; each paragraph appears
 * once its language is in.
 */
export function HwbRefusal(props: { code: string }) {
  onMount(() => {
    void loadCatalogue('cy').catch(() => undefined);
    void loadCatalogue('en').catch(() => undefined);
  });
  const text = (translate: typeof inWelsh) => {
    const key = `errors.${props.code}`;
    const found = translate(key);
    return found === key ? translate('errors.generic') : found;
  };
  return (
    <div id="hwb-refusal" class="notice notice--error" role="alert" data-testid="hwb-refusal">
      <For each={[{ lang: 'cy', t: inWelsh }, { lang: 'en', t: inEnglish }] as const}>
        {(entry) => (
          <Show when={hasCatalogue(entry.lang)}>
            <p lang={entry.lang}>
              <strong>{entry.t('hwb.refused')}.</strong> {text(entry.t)}
            </p>
          </Show>
        )}
      </For>
    </div>
  );
}
