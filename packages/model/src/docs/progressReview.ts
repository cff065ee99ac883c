import * as Y from 'yjs';
import { areaOr, type Area, progressJudgements, supportLevels, supportSources, trackStatuses, type ProgressJudgement, type TrackStatus } from '../domain/improvement';
import { supportChangeKinds, type SupportChange } from '../domain/review';
import { child, metaMap, prelimMap, readMeta, str } from './meta';

/**
 * D19 layout of a termly (or half-termly) progress review draft, written by the school's
 * Improvement Partner with its leaders:
 *   meta: + schoolId, planDocId, term, halfTerm (0 termly, 1 or 2), supportLevel
 *   priorities: root Y.Array of Y.Map { priorityId, title, area, status, judgement,
 *     risks: Y.Text (one per line), notes: Y.Text (working notes), supportChanges: Y.Array of
 *     Y.Map { id, change, source, provider, description: Y.Text, days } }
 *   overall: root Y.Map { status, summary: Y.Text, notes: Y.Text (working notes) }
 * Status and judgement are '' until chosen. Working notes never leave the draft (D20, P38).
 */
export interface ReviewPriorityView {
  priorityId: string;
  title: string;
  area: Area;
  status: TrackStatus | '';
  judgement: ProgressJudgement | '';
  risks: Y.Text;
  notes: Y.Text;
  supportChanges: Y.Array<Y.Map<unknown>>;
  map: Y.Map<unknown>;
}

export interface ReviewInit {
  schoolId: string;
  planDocId: string;
  term: string;
  halfTerm: 0 | 1 | 2;
  supportLevel: 'core' | 'enhanced';
  priorities: readonly { id: string; title: string; area: Area }[];
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | '' => ((values as readonly unknown[]).includes(v) ? (v as T) : '');

function viewPriority(m: Y.Map<unknown>): ReviewPriorityView {
  return {
    priorityId: str(m, 'priorityId'),
    title: str(m, 'title'),
    area: areaOr(m.get('area')),
    status: oneOf(trackStatuses, m.get('status')),
    judgement: oneOf(progressJudgements, m.get('judgement')),
    risks: child(m, 'risks', Y.Text),
    notes: child(m, 'notes', Y.Text),
    supportChanges: child(m, 'supportChanges', Y.Array<Y.Map<unknown>>),
    map: m,
  };
}

export function newReviewPriorityMap(p: { id: string; title: string; area: Area }): Y.Map<unknown> {
  return prelimMap({
    priorityId: p.id, title: p.title, area: p.area, status: '', judgement: '',
    risks: new Y.Text(), notes: new Y.Text(), supportChanges: new Y.Array<Y.Map<unknown>>(),
  });
}

export const newSupportChangeMap = (s: { id: string } & SupportChange): Y.Map<unknown> =>
  prelimMap({ id: s.id, change: s.change, source: s.source, provider: s.provider, description: new Y.Text(s.description), days: s.days });

export function initialiseReviewLayout(doc: Y.Doc, meta: Y.Map<unknown>, init: ReviewInit): void {
  meta.set('schoolId', init.schoolId);
  meta.set('planDocId', init.planDocId);
  meta.set('term', init.term);
  meta.set('halfTerm', init.halfTerm);
  meta.set('supportLevel', init.supportLevel);
  doc.getArray<Y.Map<unknown>>('priorities').push(init.priorities.map(newReviewPriorityMap));
  const overall = doc.getMap<unknown>('overall');
  overall.set('status', '');
  overall.set('summary', new Y.Text());
  overall.set('notes', new Y.Text());
}

export function progressReview(doc: Y.Doc) {
  const meta = metaMap(doc);
  const priorities = doc.getArray<Y.Map<unknown>>('priorities');
  const overall = doc.getMap<unknown>('overall');
  const half = meta.get('halfTerm');
  return {
    meta: () => readMeta(doc),
    schoolId: () => str(meta, 'schoolId'),
    planDocId: () => str(meta, 'planDocId'),
    term: () => str(meta, 'term'),
    halfTerm: (): 0 | 1 | 2 => (half === 1 || half === 2 ? half : 0),
    supportLevel: () => oneOf(supportLevels, meta.get('supportLevel')) || 'core',
    priorities: (): ReviewPriorityView[] => priorities.toArray().map(viewPriority),
    priority(id: string): ReviewPriorityView {
      const m = priorities.toArray().find((x) => x.get('priorityId') === id);
      if (!m) throw new Error(`progress review: no priority ${id}`);
      return viewPriority(m);
    },
    prioritiesArray: priorities,
    overall,
    overallStatus: (): TrackStatus | '' => oneOf(trackStatuses, overall.get('status')),
    overallSummary: (): Y.Text => child(overall, 'summary', Y.Text),
    overallNotes: (): Y.Text => child(overall, 'notes', Y.Text),
    setStatus: (priorityId: string, status: TrackStatus) => viewPriority(findPriority(priorities, priorityId)).map.set('status', status),
    setJudgement: (priorityId: string, judgement: ProgressJudgement) => viewPriority(findPriority(priorities, priorityId)).map.set('judgement', judgement),
    setOverallStatus: (status: TrackStatus) => overall.set('status', status),
    addSupportChange: (priorityId: string, s: { id: string } & SupportChange) => viewPriority(findPriority(priorities, priorityId)).supportChanges.push([newSupportChangeMap(s)]),
  };
}

function findPriority(array: Y.Array<Y.Map<unknown>>, id: string): Y.Map<unknown> {
  const m = array.toArray().find((x) => x.get('priorityId') === id);
  if (!m) throw new Error(`progress review: no priority ${id}`);
  return m;
}

export function readSupportChanges(array: Y.Array<Y.Map<unknown>>): ({ id: string } & SupportChange)[] {
  return array.toArray().map((m) => {
    const days = m.get('days');
    const description = m.get('description');
    return {
      id: str(m, 'id'),
      change: oneOf(supportChangeKinds, m.get('change')) || 'added',
      source: oneOf(supportSources, m.get('source')) || 'la',
      provider: str(m, 'provider'),
      description: description instanceof Y.Text ? description.toString() : '',
      days: typeof days === 'number' && days >= 0 ? Math.min(days, 365) : 0,
    };
  });
}
