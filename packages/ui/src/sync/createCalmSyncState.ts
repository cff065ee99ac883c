import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { SyncState } from './syncState';

/** How long the document must stay unsaved before "Saved" gives way to "Syncing". */
export const SYNCING_SHOWN_AFTER_MS = 1_500;

/**
 * The save state as people should see it: typing sends every keystroke and the server
 * acknowledges each one within milliseconds, so the raw state flips between syncing and saved
 * dozens of times a second. "Saved" stays on screen until the document has been unsaved for a
 * moment (then "Syncing" shows); every other change shows at once.
 */
export function createCalmSyncState(raw: Accessor<SyncState>, delayMs = SYNCING_SHOWN_AFTER_MS): Accessor<SyncState> {
  const [shown, setShown] = createSignal<SyncState>(raw());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  createEffect(() => {
    const next = raw();
    if (next === 'syncing' && shown() === 'saved') {
      if (timer === undefined) timer = setTimeout(() => {
        timer = undefined;
        if (raw() === 'syncing') setShown('syncing');
      }, delayMs);
      return;
    }
    clear();
    setShown(next);
  });
  onCleanup(clear);
  return shown;
}

/** Which states are announced to screen readers: where the work stands, never the keystrokes. */
export function announcedState(state: SyncState): SyncState | null {
  return state === 'syncing' || state === 'connecting' ? null : state;
}
