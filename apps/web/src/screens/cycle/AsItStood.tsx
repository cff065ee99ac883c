import { For, Show, createResource, createSignal } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { parseSubject, subjectLabel } from '@cydweithio/model/domain/recordSubjects';
import { apiJson, postJson } from '../../api/http';
import { SubjectState, type RecordVersion } from '../../api/cycleSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { flattenState } from './flattenState';
import { useRecordWords } from './useRecordWords';

/** The live document an agreed plan or review restores into (K14), named in its own state. */
function restoreTarget(subject: string, state: unknown): string | null {
  const type = parseSubject(subject).type;
  const s = state as { approval?: { planDocId?: unknown }; reviewDocId?: unknown } | null;
  if (type === 'plan' && typeof s?.approval?.planDocId === 'string') return s.approval.planDocId;
  if (type === 'review' && typeof s?.reviewDocId === 'string') return s.reviewDocId;
  return null;
}

/** One subject as it stood right after a version (K11), with "restore as a new draft" where it fits. */
export function AsItStood(props: { ownerKey: string; version: RecordVersion }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const words = useRecordWords();
  const [restored, setRestored] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [state] = createResource(() => props.version, (v) => {
    setRestored(false);
    setError(undefined);
    return apiJson(SubjectState, `/records/${encodeURIComponent(props.ownerKey)}/subjects/${encodeURIComponent(v.subject)}?at=${v.hash}`);
  });
  const target = () => {
    const s = state();
    const id = s ? restoreTarget(props.version.subject, s.state) : null;
    // Offered only into a document this person writes in: the server asks the policy again (P42).
    const doc = id ? session.documents().find((d) => d.id === id) : undefined;
    return doc && doc.access !== 'viewer' ? doc.id : null;
  };
  const restore = async (docId: string) => {
    setError(undefined);
    try {
      await postJson(`/records/${encodeURIComponent(props.ownerKey)}/restore`, { subject: props.version.subject, at: props.version.hash, docId });
      setRestored(true);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const heading = () => `${subjectLabel(props.version.subject, locale())}, ${formatDateTime(props.version.at * 1000, locale())}`;
  return (
    <section class="card" aria-labelledby="as-it-stood-heading" data-testid="as-it-stood">
      <header class="card__header"><h2 id="as-it-stood-heading">{t('record.asStood', { label: heading() })}</h2></header>
      <div class="card__body">
        <Show when={state()} fallback={<p role="status">{t('common.loading')}</p>}>
          {(s) => (
            <table class="compare">
              <thead><tr><th scope="col">{t('record.field')}</th><th scope="col">{t('record.value')}</th></tr></thead>
              <tbody>
                <For each={flattenState(s().state)}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.path.map(words.field).join(' › ')}</th>
                      <td>{words.value(row.path.at(-1) ?? '', row.value)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Show>
        <Show when={target()}>
          {(docId) => <p><button type="button" class="button" onClick={() => void restore(docId())} data-testid="restore">{t('record.restore')}</button></p>}
        </Show>
        <Show when={restored()}><p role="status" class="notice notice--ok" data-testid="restored">{t('record.restored')}</p></Show>
        <Show when={error()}><p role="alert" class="notice notice--error">{error()}</p></Show>
      </div>
    </section>
  );
}
