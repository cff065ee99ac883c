import { createContext, createSignal, onCleanup, Show, useContext, type JSX } from 'solid-js';
import { createItemHistory } from '@cydweithio/ui';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ConfirmRemoveDialog } from './ConfirmRemoveDialog';
import { UndoBar, type UndoBarState } from './UndoBar';
import './corrections.css';

/**
 * Correcting what people wrote, the same way in every kind of document (C215-C217): an item is
 * removed by id after an accessible confirmation, then an "Undone"-style bar offers Undo, which
 * takes back only this person's own change (a Y.UndoManager over the document that tracks this
 * screen's origin alone, so a remote person's edits are never undone).
 */
export interface Corrections {
  /** Asks first ("Remove “what”?"), then runs `run` as one undoable step. */
  remove: (what: string, run: () => void, trigger?: HTMLElement) => void;
  /** An in-place correction as its own undoable step; no question asked. */
  change: (run: () => void) => void;
  /**
   * Asks the same question for a removal the server makes (taking someone off a review team):
   * not a change to the document, so no Undo is offered; the screen says what happened (C280).
   */
  confirm: (what: string, detail: string, run: () => void, trigger?: HTMLElement) => void;
}

const CorrectionsContext = createContext<Corrections>();

export function useCorrections(): Corrections {
  const found = useContext(CorrectionsContext);
  if (!found) throw new Error('useCorrections outside an open document');
  return found;
}

interface Pending {
  what: string;
  run: () => void;
  trigger: HTMLElement | undefined;
  undoable: boolean;
  /** What removing it does, when it is not "removed for everyone, undo straight afterwards". */
  detail?: string;
}

export function CorrectionsProvider(props: { children: JSX.Element }) {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const history = createItemHistory(connection.doc);
  onCleanup(() => history.destroy());
  const [pending, setPending] = createSignal<Pending>();
  const [bar, setBar] = createSignal<UndoBarState>();

  const confirm = () => {
    const asked = pending();
    setPending(undefined);
    if (!asked || readOnly()) return;
    if (!asked.undoable) {
      asked.run();
      return;
    }
    history.change(asked.run);
    setBar({ what: asked.what, undone: false, canUndo: true });
  };
  const cancel = () => {
    const asked = pending();
    setPending(undefined);
    // Escape or Cancel: back where the person was.
    if (asked?.trigger?.isConnected) asked.trigger.focus();
  };
  const undo = () => {
    const shown = bar();
    if (!shown || readOnly()) return;
    const undone = history.undo();
    setBar({ ...shown, undone, canUndo: false });
  };

  const ask = (what: string, run: () => void, undoable: boolean, trigger?: HTMLElement, detail?: string) =>
    setPending({ what, run, undoable, detail, trigger: trigger ?? (document.activeElement as HTMLElement | null) ?? undefined });
  const value: Corrections = {
    remove: (what, run, trigger) => ask(what, run, true, trigger),
    change: (run) => history.change(run),
    confirm: (what, detail, run, trigger) => ask(what, run, false, trigger, detail),
  };
  return (
    <CorrectionsContext.Provider value={value}>
      {props.children}
      <Show when={pending()}>
        {(asked) => <ConfirmRemoveDialog what={asked().what} detail={asked().detail} onConfirm={confirm} onCancel={cancel} />}
      </Show>
      <Show when={bar()}>
        {(shown) => <UndoBar state={shown()} onUndo={undo} onDismiss={() => setBar(undefined)} label={t('corrections.undoBar')} />}
      </Show>
    </CorrectionsContext.Provider>
  );
}
