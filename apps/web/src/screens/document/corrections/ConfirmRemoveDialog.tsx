import { onMount, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';

/**
 * "Remove this?" as a native modal dialog (C216): the browser keeps focus inside it and makes
 * the rest of the page inert; Escape cancels (the dialog's cancel event); Cancel has focus
 * first, so a stray Enter never removes anything.
 */
export function ConfirmRemoveDialog(props: { what: string; detail?: string; onConfirm: () => void; onCancel: () => void }) {
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
      <h2 id="confirm-remove-title" class="confirm-dialog__title">{t('corrections.confirmTitle')}</h2>
      <Show
        when={props.detail}
        fallback={
          <>
            <p id="confirm-remove-what" class="confirm-dialog__what">{t('corrections.confirmWhat', { what: props.what || t('corrections.unnamed') })}</p>
            <p class="muted">{t('corrections.confirmUndoHint')}</p>
          </>
        }
      >
        {(detail) => <p id="confirm-remove-what" class="confirm-dialog__what">{detail()}</p>}
      </Show>
      <div class="confirm-dialog__actions">
        <button ref={cancelButton} type="button" class="button button--secondary" onClick={() => settle(false)}>
          {t('corrections.cancel')}
        </button>
        <button type="button" class="button button--danger" onClick={() => settle(true)} data-testid="confirm-remove-yes">
          {t('corrections.confirm')}
        </button>
      </div>
    </dialog>
  );
}
