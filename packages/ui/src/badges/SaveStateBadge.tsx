import { createMemo, type Accessor } from 'solid-js';
import { useUiText } from '../i18n/useUiText';
import { announcedState, createCalmSyncState } from '../sync/createCalmSyncState';
import type { SyncState } from '../sync/syncState';

/** Icons are decorative; the words carry the meaning (no information by colour or shape alone). */
const icons: Record<SyncState, string> = {
  offline: '⊘',
  connecting: '…',
  syncing: '↻',
  saved: '✓',
  refused: '✕',
  revoked: '✕',
};

/**
 * The document's save state. The badge shows the calm state (createCalmSyncState); a separate
 * polite live region announces only where the work stands (saved, offline, refused, revoked),
 * and says "Saved" again only after something else was announced.
 */
export function SaveStateBadge(props: { state: Accessor<SyncState> }) {
  const t = useUiText();
  const shown = createCalmSyncState(() => props.state());
  const announced = createMemo<SyncState | null>((previous) => announcedState(shown()) ?? previous ?? null, null);
  return (
    <div class="save-state">
      <p class={`badge badge--sync badge--${shown()}`} data-sync-state={shown()} data-testid="save-state">
        <span aria-hidden="true" class="badge__icon">{icons[shown()]}</span>
        <span>{t(`sync.${shown()}`)}</span>
      </p>
      <span role="status" class="visually-hidden" data-testid="save-state-announcement">
        {announced() ? t(`sync.${announced()!}`) : ''}
      </span>
    </div>
  );
}
