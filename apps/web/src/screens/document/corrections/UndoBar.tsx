import { createEffect, on, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';

export interface UndoBarState {
  what: string;
  /** The removal was taken back. */
  undone: boolean;
  canUndo: boolean;
}

/**
 * After a removal: what went and an Undo button (C217). The message is a polite status, said
 * once per change; focus moves to the bar, since the removed item's button is gone.
 */
export function UndoBar(props: { state: UndoBarState; label: string; onUndo: () => void; onDismiss: () => void }) {
  const t = useText();
  let bar: HTMLDivElement | undefined;
  let undoButton: HTMLButtonElement | undefined;
  createEffect(on(() => props.state, (state) => {
    if (state.canUndo) undoButton?.focus();
    else bar?.focus();
  }));
  const what = () => props.state.what || t('corrections.unnamed');
  return (
    <div ref={bar} class="undo-bar" role="region" aria-label={props.label} tabIndex={-1} data-testid="undo-bar">
      <p role="status" class="undo-bar__message">
        {props.state.undone ? t('corrections.undone', { what: what() }) : props.state.canUndo ? t('corrections.removed', { what: what() }) : t('corrections.nothingToUndo')}
      </p>
      <Show when={props.state.canUndo}>
        <button ref={undoButton} type="button" class="button button--small" onClick={() => props.onUndo()} data-testid="undo-remove">
          {t('corrections.undo')}<span class="visually-hidden">: {what()}</span>
        </button>
      </Show>
      <button type="button" class="button button--small button--quiet" onClick={() => props.onDismiss()}>
        {t('corrections.dismiss')}
      </button>
    </div>
  );
}
