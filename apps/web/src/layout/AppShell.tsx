import { usePreloadRoute, type RouteSectionProps } from '@solidjs/router';
import { Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { catalogueSettled } from '../i18n/loadedCatalogues';
import { useText } from '../i18n/useText';
import { AppHeader } from './AppHeader';
import { ConnectionNotice } from './ConnectionNotice';

/**
 * The skip link moves focus itself: the router would otherwise take the "#main" click as a
 * navigation and leave focus on the link.
 */
function skipToMain(event: MouseEvent): void {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/**
 * Skip link, header, one main landmark: the frame of every screen. It appears once the page's
 * language has loaded (or failed to: then keys, not nothing), so no screen shows bare keys; the
 * screen's own chunks are fetched meanwhile rather than after.
 */
export function AppShell(props: RouteSectionProps) {
  const t = useText();
  const locale = useLocale();
  usePreloadRoute()(props.location.pathname);
  return (
    <Show when={catalogueSettled(locale())}>
      <a class="skip-link" href="#main" onClick={skipToMain}>{t('shell.skipToContent')}</a>
      <AppHeader />
      <main id="main" tabindex="-1">
        <ConnectionNotice />
        {props.children}
      </main>
    </Show>
  );
}
