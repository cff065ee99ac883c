/**
 * The server's presence store keeps y-protocols' awareness rules (SPEC S8): a newer clock
 * replaces, an older one is ignored, `null` at the same clock removes, and a state not renewed
 * for 30 s is gone. States are kept as the JSON text they were stamped into.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@cydweithio/model';
import { PRESENCE_TIMEOUT_MS, RoomPresence } from '@cydweithio/sync-server/sync/room-presence';
import { parseAwarenessUpdate } from '@cydweithio/sync-server/sync/protocol/awareness';

function entriesOf(frame: Uint8Array) {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness);
  return parseAwarenessUpdate(decoding.readVarUint8Array(decoder));
}

describe('room presence', () => {
  it('S8: clocks order the states of one client id, as y-protocols awareness does', () => {
    const presence = new RoomPresence();
    expect(presence.apply([{ clientID: 7, clock: 2, json: '{"a":1}' }], 0)).toHaveLength(1);
    expect(presence.apply([{ clientID: 7, clock: 1, json: '{"a":0}' }], 0)).toHaveLength(0); // older: ignored
    expect(presence.apply([{ clientID: 7, clock: 2, json: '{"a":2}' }], 0)).toHaveLength(0); // same clock, a state: ignored
    expect(entriesOf(presence.frame())).toEqual([{ clientID: 7, clock: 2, json: '{"a":1}' }]);
    expect(presence.apply([{ clientID: 7, clock: 2, json: null }], 0)).toHaveLength(1); // same clock, gone: removed
    expect(presence.has(7)).toBe(false);
    expect(presence.clockOf(7)).toBe(2);
    expect(presence.apply([{ clientID: 7, clock: 3, json: '{"a":3}' }], 0)).toHaveLength(1);
  });

  it('S8: a state not renewed for 30 s is removed by the sweep; a renewed one stays', () => {
    const presence = new RoomPresence();
    presence.apply([{ clientID: 1, clock: 1, json: '{}' }, { clientID: 2, clock: 1, json: '{}' }], 0);
    presence.apply([{ clientID: 2, clock: 2, json: '{}' }], PRESENCE_TIMEOUT_MS - 1);
    const removed = presence.sweep(PRESENCE_TIMEOUT_MS);
    expect(removed).toEqual([{ clientID: 1, clock: 1, json: null }]);
    expect(presence.ids()).toEqual([2]);
    expect(presence.remove([2, 3])).toEqual([{ clientID: 2, clock: 2, json: null }]);
    expect(presence.size).toBe(0);
  });
});
