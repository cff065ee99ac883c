import { describe, expect, it } from 'vitest';
import { mentionQueryAt, mentionsStillIn } from '../src/screens/document/comments/mentionText';

describe('mentions in the composer', () => {
  it('C204: "@" at the start or after a space starts a look-up; an address or prose after a name does not', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, text: '' });
    expect(mentionQueryAt('Gofynnwch i @Ffi', 16)).toEqual({ start: 12, text: 'Ffi' });
    expect(mentionQueryAt('@Ffion Rob', 10)).toEqual({ start: 0, text: 'Ffion Rob' });
    expect(mentionQueryAt('pennaeth@ysgol', 14)).toBeNull();
    expect(mentionQueryAt('@Ffion Roberts am dystiolaeth', 29)).toBeNull();
    expect(mentionQueryAt('@un\n', 4)).toBeNull();
    // Only the text before the caret counts.
    expect(mentionQueryAt('@Ffi wedyn', 4)).toEqual({ start: 0, text: 'Ffi' });
  });

  it('C204: only people whose "@name" is still in the text are mentioned', () => {
    const picked = [{ personId: 'p1', name: 'Ffion Roberts' }, { personId: 'p2', name: 'Catrin Lewis' }];
    expect(mentionsStillIn('Diolch @Ffion Roberts', picked)).toEqual(['p1']);
    expect(mentionsStillIn('@Catrin Lewis a @Ffion Roberts', picked)).toEqual(['p1', 'p2']);
    expect(mentionsStillIn('Neb', picked)).toEqual([]);
  });
});
