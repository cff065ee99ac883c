import { createEffect, on, onCleanup, Show } from 'solid-js';
import { createBrowserOnline } from '@cydweithio/ui';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';

/** Says plainly when the server is out of reach and that work continues on this device. */
export function ConnectionNotice() {
  const t = useText();
  const session = useSession();
  const online = createBrowserOnline();
  // What came from the cache is asked for again as soon as the network is back, and every few
  // seconds while the server stays out of reach, so the notice goes when the server answers.
  createEffect(on(online, (isOnline) => isOnline && session.fromCache() && void session.refresh()));
  const retry = setInterval(() => online() && session.fromCache() && void session.refresh(), 5_000);
  onCleanup(() => clearInterval(retry));
  return (
    <Show when={!online() || session.fromCache()}>
      <p class="notice notice--offline" role="status" data-testid="offline-notice">
        <span aria-hidden="true">⊘ </span>
        {t('shell.offline')}
      </p>
    </Show>
  );
}
