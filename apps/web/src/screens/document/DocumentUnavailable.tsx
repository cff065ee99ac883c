import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useText } from '../../i18n/useText';
import { usePageTitle } from '../usePageTitle';

/**
 * "You do not have access" or "not found" for a document (SPEC C120): what happened and where to
 * go, no editable field, nothing retried. The document's title is not shown: a refused person
 * must not learn it.
 */
export function DocumentUnavailable(props: { reason: 'refused' | 'missing'; revoked: boolean; embedded: boolean; draftRecord?: string | undefined }) {
  const t = useText();
  const title = () => (props.draftRecord
    ? t('documentUnavailable.draftTitle')
    : t(props.reason === 'refused' ? 'documentUnavailable.refusedTitle' : 'documentUnavailable.missingTitle'));
  if (!props.embedded) usePageTitle(title);
  return (
    <section class="narrow document-unavailable" data-testid={`document-${props.reason}`} aria-labelledby="document-unavailable-title">
      <Show when={props.embedded} fallback={<h1 id="document-unavailable-title">{title()}</h1>}>
        <h2 id="document-unavailable-title">{title()}</h2>
      </Show>
      {/* Taken away while open: say so, and that this device's copy went with it (C4). */}
      <Show when={props.revoked} fallback={
        <Show when={props.draftRecord} fallback={<>
          <p>{t(props.reason === 'refused' ? 'documentUnavailable.refusedBody' : 'documentUnavailable.missingBody')}</p>
          <p>{t('documentUnavailable.noCopy')}</p>
        </>}>
          {/* E23: a review draft is the partner's and the school leaders' until both confirm it (P38). */}
          {(record) => <>
            <p class="notice" role="status" data-testid="draft-only-message">{t('documentUnavailable.draftBody')}</p>
            <p><A href={`/records/${encodeURIComponent(record())}`} data-testid="draft-record-link">{t('documentUnavailable.draftRecord')}</A></p>
          </>}
        </Show>
      }>
        <p class="notice notice--error" role="alert" data-testid="revoked-message">{t('document.revoked')}</p>
      </Show>
      <p><A href="/">{t('notFound.home')}</A></p>
    </section>
  );
}
