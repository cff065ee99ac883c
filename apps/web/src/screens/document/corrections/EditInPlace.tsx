import { createSignal, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';

/**
 * A short item written as one value (an evidence line, an action's description): shown as text
 * with an Edit button; editing is a labelled box with Save and Cancel (Escape cancels), and the
 * saved correction is one undoable step of the person's own (C215). Long text is a live field.
 */
export function EditInPlace(props: { value: string; label: string; readOnly: boolean; maxLength: number; onSave: (value: string) => void; testId?: string }) {
  const t = useText();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  let editButton: HTMLButtonElement | undefined;
  const start = () => {
    setDraft(props.value);
    setEditing(true);
  };
  const finish = (save: boolean) => {
    const value = draft().trim();
    if (save && value && value !== props.value) props.onSave(value);
    setEditing(false);
    queueMicrotask(() => editButton?.focus());
  };
  return (
    <Show
      when={editing() && !props.readOnly}
      fallback={
        <>
          <span class="edit-in-place__value">{props.value}</span>
          <Show when={!props.readOnly}>
            {' '}
            <button ref={editButton} type="button" class="button button--small button--secondary" onClick={start} data-testid={props.testId && `${props.testId}-edit`}>
              {t('corrections.edit')}<span class="visually-hidden">: {props.value}</span>
            </button>
          </Show>
        </>
      }
    >
      <form
        class="form form--inline"
        onSubmit={(e) => {
          e.preventDefault();
          finish(true);
        }}
      >
        <label class="visually-hidden" for={`edit-${props.testId ?? ''}-${props.label}`}>{props.label}</label>
        <input
          id={`edit-${props.testId ?? ''}-${props.label}`}
          ref={(el) => queueMicrotask(() => el.focus())}
          value={draft()}
          maxLength={props.maxLength}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') finish(false);
          }}
          data-testid={props.testId && `${props.testId}-input`}
        />
        <button type="submit" class="button button--small" data-testid={props.testId && `${props.testId}-save`}>{t('corrections.save')}</button>
        <button type="button" class="button button--small button--secondary" onClick={() => finish(false)}>{t('corrections.cancel')}</button>
      </form>
    </Show>
  );
}
