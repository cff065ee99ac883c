import { onMount, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';
import './corrections.css';

/**
 * "Remove this?" as a native modal dialog (C216): the browser keeps focus inside it and makes
 * the rest of the page inert; Escape cancels (the dialog's cancel event); Cancel has focus
 * first, so a stray Enter never removes anything. Other screens asking "are you sure?" before
 * something that cannot be taken back give their own words (`text`).
 */
export function ConfirmRemoveDialog(props: {
  what: string;
  /** Says what removing it does, in place of the default sentence and its undo hint. */
  detail?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Another question altogether: its title, the sentence saying what happens, a hint (null for none) and the confirm button. */
  text?: { title: string; what: string; hint: string | null; confirm: string };
}) {
  const t = useText();
  let dialog: HTMLDialogElement | undefined;
  let cancelButton: HTMLButtonElement | undefined;
  let settled = false;
  const settle = (confirmed: boolean) => {
    if (settled) return;
    settled = true;
    dialog?.close();
    if (confirmed) props.onConfirm();
    else props.onCancel();
  };
  onMount(() => {
    dialog?.showModal();
    cancelButton?.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="confirm-remove-title"
      aria-describedby="confirm-remove-what"
      data-testid="confirm-remove"
      onCancel={(e) => {
        e.preventDefault();
        settle(false);
      }}
    >
      <h2 id="confirm-remove-title" class="confirm-dialog__title">{props.text?.title ?? t('corrections.confirmTitle')}</h2>
      <p id="confirm-remove-what" class="confirm-dialog__what">
        {props.text?.what ?? props.detail ?? t('corrections.confirmWhat', { what: props.what || t('corrections.unnamed') })}
      </p>
      <Show when={props.text ? props.text.hint : props.detail ? null : t('corrections.confirmUndoHint')}>{(hint) => <p class="muted">{hint()}</p>}</Show>
      <div class="confirm-dialog__actions">
        <button ref={cancelButton} type="button" class="button button--secondary" onClick={() => settle(false)}>
          {t('corrections.cancel')}
        </button>
        <button type="button" class="button button--danger" onClick={() => settle(true)} data-testid="confirm-remove-yes">
          {props.text?.confirm ?? t('corrections.confirm')}
        </button>
      </div>
    </dialog>
  );
}
