import { describe, expect, it } from 'vitest';
import { CloseCode } from '@cydweithio/model';
import { deriveSyncState, shouldReconnectAfter, type SyncInputs } from '../src/sync/syncState';

const base: SyncInputs = { browserOnline: true, socket: 'connected', synced: true, savedByServer: true, refused: false, permanentClose: null };

describe('C3 save state derivation', () => {
  it('C3: saved only when synced and the durable snapshot covers local edits', () => {
    expect(deriveSyncState(base)).toBe('saved');
    expect(deriveSyncState({ ...base, savedByServer: false })).toBe('syncing');
    expect(deriveSyncState({ ...base, synced: false })).toBe('syncing');
  });
  it('C3: offline when the browser or socket is down, connecting while the socket opens', () => {
    expect(deriveSyncState({ ...base, browserOnline: false })).toBe('offline');
    expect(deriveSyncState({ ...base, socket: 'disconnected' })).toBe('offline');
    expect(deriveSyncState({ ...base, socket: 'connecting', synced: false })).toBe('connecting');
  });
  it('C5: a refused update shows as refused even when otherwise saved', () => {
    expect(deriveSyncState({ ...base, refused: true })).toBe('refused');
  });
  it('C4: access revoked or erased shows revoked; an expired session keeps editing offline', () => {
    expect(deriveSyncState({ ...base, permanentClose: CloseCode.accessRevoked })).toBe('revoked');
    expect(deriveSyncState({ ...base, permanentClose: CloseCode.documentErased })).toBe('revoked');
    expect(deriveSyncState({ ...base, permanentClose: CloseCode.unauthenticated })).toBe('offline');
    expect(deriveSyncState({ ...base, permanentClose: CloseCode.sessionEnded })).toBe('offline');
    expect(deriveSyncState({ ...base, permanentClose: CloseCode.tooLarge })).toBe('refused');
  });
  it('C4: reconnects after transient closes only', () => {
    expect(shouldReconnectAfter(CloseCode.accessRevoked)).toBe(false);
    expect(shouldReconnectAfter(CloseCode.unauthenticated)).toBe(false);
    expect(shouldReconnectAfter(CloseCode.sessionEnded)).toBe(false);
    expect(shouldReconnectAfter(CloseCode.rateLimited)).toBe(true);
    expect(shouldReconnectAfter(CloseCode.tooManyConnections)).toBe(true);
    expect(shouldReconnectAfter(CloseCode.shuttingDown)).toBe(true);
    expect(shouldReconnectAfter(1006)).toBe(true);
  });
});
