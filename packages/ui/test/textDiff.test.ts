import { describe, expect, it } from 'vitest';
import { makeSplice } from '../src/bindings/textDiff';

describe('C16 text field edits are minimal splices', () => {
  it('C16: insert, delete and replace in the middle', () => {
    expect(makeSplice('Bore da', 'Bore da iawn')).toEqual({ index: 7, remove: 0, insert: ' iawn' });
    expect(makeSplice('Bore da iawn', 'Bore iawn')).toEqual({ index: 5, remove: 3, insert: '' });
    expect(makeSplice('cath', 'cath')).toBeNull();
    expect(makeSplice('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
  });
});
