import type { RouteSectionProps } from '@solidjs/router';
import { useText } from '../i18n/useText';
import { AppHeader } from './AppHeader';
import { ConnectionNotice } from './ConnectionNotice';

/** Skip link, header, one main landmark: the frame of every screen. */
export function AppShell(props: RouteSectionProps) {
  const t = useText();
  return (
    <>
      <a class="skip-link" href="#main">{t('shell.skipToContent')}</a>
      <AppHeader />
      <main id="main" tabindex="-1">
        <ConnectionNotice />
        {props.children}
      </main>
    </>
  );
}
