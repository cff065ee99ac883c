import type { RouteSectionProps } from '@solidjs/router';
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

/** Skip link, header, one main landmark: the frame of every screen. */
export function AppShell(props: RouteSectionProps) {
  const t = useText();
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>{t('shell.skipToContent')}</a>
      <AppHeader />
      <main id="main" tabindex="-1">
        <ConnectionNotice />
        {props.children}
      </main>
    </>
  );
}
