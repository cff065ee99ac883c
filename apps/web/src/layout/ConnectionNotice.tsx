import { Show } from 'solid-js';
import { createBrowserOnline } from '@cydweithio/ui';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';

/** Says plainly when the server is out of reach and that work continues on this device. */
export function ConnectionNotice() {
  const t = useText();
  const session = useSession();
  const online = createBrowserOnline();
  return (
    <Show when={!online() || session.fromCache()}>
      <p class="notice notice--offline" role="status" data-testid="offline-notice">
        <span aria-hidden="true">⊘ </span>
        {t('shell.offline')}
      </p>
    </Show>
  );
}
