import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import * as Y from 'yjs';
import { createYArray } from '../src/bindings/createYArray';
import { createYMapValue } from '../src/bindings/createYMap';
import { createYText } from '../src/bindings/createYText';

describe('C16 Yjs values as Solid signals', () => {
  it('C16: text, array and map signals follow remote changes and stop on dispose', () => {
    const doc = new Y.Doc();
    const text = doc.getText('focus');
    const list = doc.getArray<string>('items');
    const map = doc.getMap('meta');
    createRoot((dispose) => {
      const value = createYText(text);
      const items = createYArray(list);
      const status = createYMapValue<string>(map, 'status');
      text.insert(0, 'Llythrennedd');
      list.push(['a', 'b']);
      map.set('status', 'agreed');
      expect(value()).toBe('Llythrennedd');
      expect(items()).toEqual(['a', 'b']);
      expect(status()).toBe('agreed');
      dispose();
      text.insert(0, 'X');
      expect(value()).toBe('Llythrennedd');
    });
  });
});
