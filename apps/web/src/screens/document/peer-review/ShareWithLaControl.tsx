import { createSignal, Show } from 'solid-js';
import { apiRequest } from '../../../api/http';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';

/**
 * The host school decides who sees its peer review. Only the host headteacher sees this control;
 * the state is said in words, not shown by a toggle's colour (SPEC C10).
 */
export function ShareWithLaControl() {
  const t = useText();
  const errorText = useErrorText();
  const session = useSession();
  const { summary } = useOpenDocument();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const isHostHeadteacher = () => {
    const doc = summary();
    if (!doc || doc.access !== 'owner') return false;
    return (session.me()?.roles ?? []).some((r) => r.role === 'headteacher' && r.schoolId === doc.owner.id);
  };
  const toggle = async () => {
    const doc = summary();
    if (!doc) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiRequest(`/documents/${encodeURIComponent(doc.id)}/share`, { method: doc.sharedWithLa ? 'DELETE' : 'POST' });
      await session.refreshDocuments();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={isHostHeadteacher()}>
      <section class="share-control" aria-labelledby="share-heading" data-testid="share-control">
        <h2 id="share-heading">{t('peerReview.shareHeading')}</h2>
        <p>{summary()?.sharedWithLa ? t('peerReview.sharedExplain') : t('peerReview.notSharedExplain')}</p>
        <Show when={error()}>
          <p class="notice notice--error" role="alert">{error()}</p>
        </Show>
        <button type="button" class="button" disabled={busy()} onClick={toggle} data-testid="share-toggle">
          {summary()?.sharedWithLa ? t('peerReview.stopSharing') : t('peerReview.share')}
        </button>
      </section>
    </Show>
  );
}
