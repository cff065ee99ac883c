import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import { announcedState, createCalmSyncState } from '../src/sync/createCalmSyncState';
import type { SyncState } from '../src/sync/syncState';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('C33 a calm save indicator', () => {
  it('C33: typing with quick acknowledgements keeps "Saved" on screen; a long wait shows "Syncing"', async () => {
    await createRoot(async (dispose) => {
      const [raw, setRaw] = createSignal<SyncState>('saved');
      const shown = createCalmSyncState(raw, 1_500);
      const seen: SyncState[] = [];
      for (let i = 0; i < 40; i++) {
        setRaw('syncing');
        await vi.advanceTimersByTimeAsync(30);
        seen.push(shown());
        setRaw('saved');
        await vi.advanceTimersByTimeAsync(40);
        seen.push(shown());
      }
      expect(new Set(seen)).toEqual(new Set(['saved']));
      setRaw('syncing');
      await vi.advanceTimersByTimeAsync(1_600);
      expect(shown()).toBe('syncing');
      setRaw('saved');
      expect(shown()).toBe('saved');
      setRaw('offline');
      expect(shown()).toBe('offline');
      dispose();
    });
  });

  it('C33: only where the work stands is announced, never syncing or connecting', () => {
    expect(announcedState('syncing')).toBeNull();
    expect(announcedState('connecting')).toBeNull();
    for (const s of ['saved', 'offline', 'refused', 'revoked'] as const) expect(announcedState(s)).toBe(s);
  });
});
