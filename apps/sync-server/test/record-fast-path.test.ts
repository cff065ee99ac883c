/**
 * K18: "as it stood at" and diffs answered from the states the agreements agreed give exactly
 * what Automerge gives by building the record at a version or diffing two versions (patch for
 * patch, in order), on a record of several years of agreements of every shape a subject's state
 * can take, in both directions, fresh and after a save and load; a history that is not one line
 * of our agreements is left to Automerge. The diff is also compared as the JSON the route sends.
 */
import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { subjectFromBackend } from '../src/records/agreed-values';
import { indexOf } from '../src/records/agreement-index';
import {
  agree,
  automergeDiff,
  automergeStateAt,
  createRecord,
  diffBetween,
  diffJsonBetween,
  loadRecord,
  saveRecord,
  stateAt,
  subjectAt,
  versions,
  type RecordShape,
  type RecordValue,
} from '../src/records/record-doc';

const words = 'Datblygu llafaredd a darllen ar draws y cwricwlwm gyda chefnogaeth gan deuluoedd a’r gymuned leol.';

/** A plan as approved: nested maps and lists, texts, numbers, booleans and nulls. */
function plan(year: number): RecordValue {
  return {
    approval: { academicYear: year, meetingDate: `${year}-10-14`, recordedBy: 'p-governor', minutes: null },
    priorities: Array.from({ length: 4 }, (_, i) => ({
      id: `pri-${i}`, title: `Blaenoriaeth ${i + 1} (${year})`, outcomes: words.repeat(i + 1),
      criteria: [[`Maen prawf ${i}`, 'in-progress'], [`Ail faen prawf ${i}`, 'met']],
      actions: [{ description: `Cam ${i}`, due: `${year + 1}-02-28`, done: i % 2 === 0 }],
      support: i === 0 ? [] : [{ source: 'la', days: i * 0.5, provider: 'Tîm gwella’r awdurdod' }],
    })),
  };
}

/** Subjects whose states are not maps, and keys whose order differs between UTF-16 and code points. */
const odd: [string, RecordValue][] = [
  ['note', 'Cofnod byr'],
  ['count', 3],
  ['keys', { '10': 1, '9': 2, é: 'ä', Z: [[[]]], z: '', '😀': 'a😀b', '\uffff': true, empty: {}, list: [] }],
  ['note', ''],
  ['flag', false],
  ['count', { nested: { deeper: [1, 'two', null, { three: [3] }] } }],
  ['keys', ['', 'a', ['b', {}]]],
  ['nothing', null],
];

/** Three years: each a plan, three reviews and four termly evaluations a term, corrections and odd subjects between. */
function multiYearRecord(): Automerge.Doc<RecordShape> {
  let doc = createRecord('school:6612001');
  let at = 1_700_000_000;
  const put = (subject: string, state: RecordValue) => {
    doc = agree(doc, subject, state, { by: 'p-head', label: `${subject} ${at}`, at: at++ });
  };
  for (const year of [2023, 2024, 2025]) {
    put(`plan:${year}`, plan(year));
    for (const [t, term] of ['autumn', 'spring', 'summer'].entries()) {
      put(`review:${year}-${term}`, { term, overall: { status: t % 2 ? 'off-track' : 'on-track' }, risks: ['Amser staff', 'Newidiadau staffio'] });
      for (let p = 0; p < 4; p++) put(`termly:${year}-${term}:pri-${p}`, { status: (p + t) % 3 ? 'on-track' : 'off-track', judgement: 'strong', summary: words });
      // The same subject agreed again: a correction replaces the term's first evaluation.
      put(`termly:${year}-${term}:pri-0`, { status: 'on-track', judgement: 'very-good', summary: `Cywiriad ${year}` });
    }
    const [subject, state] = odd[year % odd.length]!;
    put(subject, state);
  }
  for (const [subject, state] of odd) put(subject, state);
  return doc;
}

function expectSameAsAutomerge(doc: Automerge.Doc<RecordShape>, step: number): number {
  const list = versions(doc);
  const subjects = [...new Set(list.map((v) => v.subject))];
  let pairs = 0;
  for (let i = 0; i < list.length; i++) {
    const at = list[i]!.hash;
    // The same state, and the same JSON (key order included): what the routes send.
    expect(JSON.stringify(stateAt(doc, at))).toBe(JSON.stringify(automergeStateAt(doc, at)));
    for (const subject of subjects) expect(subjectAt(doc, subject, at)).toEqual(subjectFromBackend(doc, subject, at));
    for (let j = i % step; j < list.length; j += step) {
      const automerge = automergeDiff(doc, at, list[j]!.hash);
      expect(diffBetween(doc, at, list[j]!.hash)).toEqual(automerge);
      // What the diff route sends, byte for byte.
      expect(diffJsonBetween(doc, at, list[j]!.hash)).toBe(JSON.stringify(automerge));
      pairs++;
    }
  }
  return pairs;
}

describe('K18: the record read from its agreements', () => {
  it('K18: as it stood, one subject and diffs agree with Automerge on every version and across years, both ways', () => {
    const doc = multiYearRecord();
    const list = versions(doc);
    expect(list.length).toBeGreaterThan(60);
    // The answers below come from the agreed states, not from Automerge.
    expect(indexOf(doc).linear).toBe(true);
    const [first, last] = [list[0]!.hash, list[list.length - 1]!.hash];
    // The far diff writes out almost the whole record; back again it removes it.
    const far = diffBetween(doc, first, last);
    expect(far.length).toBeGreaterThan(300);
    expect(far).toEqual(automergeDiff(doc, first, last));
    expect(diffJsonBetween(doc, first, last)).toBe(JSON.stringify(automergeDiff(doc, first, last)));
    expect(diffBetween(doc, last, first)).toEqual(automergeDiff(doc, last, first));
    expect(diffBetween(doc, last, last)).toEqual([]);
    expect(expectSameAsAutomerge(doc, 13)).toBeGreaterThan(300);
  }, 60_000);

  it('K18: the same after the record is saved and loaded again (the states read afresh)', () => {
    const doc = loadRecord(saveRecord(multiYearRecord()));
    expect(indexOf(doc).linear).toBe(true);
    expect(expectSameAsAutomerge(doc, 17)).toBeGreaterThan(200);
  }, 60_000);

  it('K18: a history that is not one line (two agreements made apart, then merged) is answered by Automerge', () => {
    const base = agree(createRecord('collaborative:demo-cluster'), 'shared-priorities', ['Darllen'], { by: 'a', label: 'Autumn', at: 1 });
    const left = agree(Automerge.clone(base), 'shared-priorities', ['Darllen', 'Rhifedd'], { by: 'a', label: 'Left', at: 2 });
    const right = agree(Automerge.clone(base), 'shared-priorities', ['Lles'], { by: 'b', label: 'Right', at: 2 });
    const merged = Automerge.merge(Automerge.clone(left), right);
    const list = versions(merged);
    expect(list).toHaveLength(3);
    expect(indexOf(merged).linear).toBe(false);
    // Only Automerge knows which concurrent agreement wins the subject at the merged version.
    expect(stateAt(merged, list[2]!.hash)).toEqual(automergeStateAt(merged, list[2]!.hash));
    for (const a of list) for (const b of list) expect(diffBetween(merged, a.hash, b.hash)).toEqual(automergeDiff(merged, a.hash, b.hash));
  });
});
