import type { Accessor } from 'solid-js';
import { useUiText } from '../i18n/useUiText';
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

/** The document's save state, announced politely to screen readers as it changes. */
export function SaveStateBadge(props: { state: Accessor<SyncState> }) {
  const t = useUiText();
  return (
    <p role="status" class={`badge badge--sync badge--${props.state()}`} data-sync-state={props.state()}>
      <span aria-hidden="true" class="badge__icon">{icons[props.state()]}</span>
      <span>{t(`sync.${props.state()}`)}</span>
    </p>
  );
}
