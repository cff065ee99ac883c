import { describe, expect, it } from 'vitest';
import { makePresentPeople } from '../src/presence/presenceUsers';
import { personColour } from '../src/presence/personColour';

describe('C6 presence', () => {
  it('C6: one entry per person, me first, with school', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { personId: 'p-b', name: 'Bethan', schoolName: 'Ysgol Y Graig' } }],
      [2, { user: { personId: 'p-a', name: 'Aled', schoolName: 'Ysgol Gymraeg' } }],
      [3, { user: { personId: 'p-b', name: 'Bethan', schoolName: 'Ysgol Y Graig' } }],
      [4, {}],
    ]);
    const people = makePresentPeople(states, 3);
    expect(people.map((p) => [p.name, p.isMe])).toEqual([['Bethan', true], ['Aled', false]]);
    expect(people[1]?.schoolName).toBe('Ysgol Gymraeg');
  });
  it('C6: a person keeps one colour', () => {
    expect(personColour('p-a')).toBe(personColour('p-a'));
    expect(personColour('p-a')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
