import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useText } from '../../i18n/useText';
import { usePageTitle } from '../usePageTitle';

/**
 * "You do not have access" or "not found" for a document (SPEC C120): what happened and where to
 * go, no editable field, nothing retried. The document's title is not shown: a refused person
 * must not learn it.
 */
export function DocumentUnavailable(props: { reason: 'refused' | 'missing'; revoked: boolean; embedded: boolean }) {
  const t = useText();
  const title = () => t(props.reason === 'refused' ? 'documentUnavailable.refusedTitle' : 'documentUnavailable.missingTitle');
  if (!props.embedded) usePageTitle(title);
  return (
    <section class="narrow document-unavailable" data-testid={`document-${props.reason}`} aria-labelledby="document-unavailable-title">
      <Show when={props.embedded} fallback={<h1 id="document-unavailable-title">{title()}</h1>}>
        <h2 id="document-unavailable-title">{title()}</h2>
      </Show>
      {/* Taken away while open: say so, and that this device's copy went with it (C4). */}
      <Show when={props.revoked} fallback={<>
        <p>{t(props.reason === 'refused' ? 'documentUnavailable.refusedBody' : 'documentUnavailable.missingBody')}</p>
        <p>{t('documentUnavailable.noCopy')}</p>
      </>}>
        <p class="notice notice--error" role="alert" data-testid="revoked-message">{t('document.revoked')}</p>
      </Show>
      <p><A href="/">{t('notFound.home')}</A></p>
    </section>
  );
}
