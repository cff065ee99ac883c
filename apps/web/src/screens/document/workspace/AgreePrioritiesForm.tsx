import { createSignal, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray } from '@cydweithio/ui';
import { postJson } from '../../../api/http';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useWorkspaceRecord } from './WorkspaceRecord';

/**
 * The convenor agrees shared priorities at this meeting: the server copies each into the
 * collaborative's record with who and when (G1). Shown to the document's owner; the server
 * asks the policy again.
 */
export function AgreePrioritiesForm(props: { meetingId: string; idPrefix: string }) {
  const t = useText();
  const errorText = useErrorText();
  const { connection, summary } = useOpenDocument();
  const record = useWorkspaceRecord();
  const priorities = createYArray(connection.doc.getArray<Y.Map<unknown>>('priorities'));
  const [message, setMessage] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const priorityIds = new FormData(form).getAll('priority').map(String);
    if (priorityIds.length === 0) return setMessage(t('workspace.choosePriorities'));
    setBusy(true);
    try {
      await postJson(`/documents/${encodeURIComponent(connection.provider.roomname)}/priorities/agree`, { meetingId: props.meetingId, priorityIds });
      await record.reload();
      record.announce();
      form.reset();
      setMessage(t('workspace.agreedCount', { count: priorityIds.length }));
    } catch (failure) {
      setMessage(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={summary()?.access === 'owner' && priorities().length > 0}>
      <form class="form agree-form" onSubmit={(e) => void submit(e)} data-testid="agree-priorities">
        <fieldset>
          <legend>{t('workspace.agreeAtMeeting')}</legend>
          <For each={priorities()}>
            {(priority) => {
              const id = `${props.idPrefix}-agree-${String(priority.get('id'))}`;
              return (
                <div class="field field--check">
                  <input type="checkbox" id={id} name="priority" value={String(priority.get('id'))} />
                  <label for={id}>{String(priority.get('title') ?? '')}</label>
                </div>
              );
            }}
          </For>
        </fieldset>
        <button type="submit" class="button button--small" disabled={busy()}>{t('workspace.agreeSubmit')}</button>
        <p role="status" class="muted">{message()}</p>
      </form>
    </Show>
  );
}
