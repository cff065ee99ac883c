import { Match, Switch } from 'solid-js';
import { useText } from '../../i18n/useText';
import { useOpenDocument } from './DocumentContext';

/** Plain-language explanations of the states the badge can only name (SPEC C4, C5). */
export function DocumentMessages() {
  const t = useText();
  const { connection, summary } = useOpenDocument();
  return (
    <Switch>
      <Match when={connection.syncState() === 'revoked'}>
        <p class="notice notice--error" role="alert" data-testid="revoked-message">{t('document.revoked')}</p>
      </Match>
      <Match when={connection.syncState() === 'refused'}>
        <p class="notice notice--error" role="alert" data-testid="refused-message">{t('document.refused')}</p>
      </Match>
      <Match when={connection.syncState() === 'offline'}>
        <p class="notice notice--offline" data-testid="document-offline">{t('document.offline')}</p>
      </Match>
      <Match when={summary()?.access === 'viewer'}>
        <p class="notice" data-testid="viewer-message">{t('document.viewerOnly')}</p>
      </Match>
    </Switch>
  );
}
