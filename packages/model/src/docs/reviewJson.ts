import type * as Y from 'yjs';
import type { Area, ProgressJudgement, TrackStatus } from '../domain/improvement';
import type { ProgressReview, ReviewedPriority, SupportChange } from '../domain/review';
import { readMeta } from './meta';
import { newReviewPriorityMap, newSupportChangeMap, progressReview, readSupportChanges } from './progressReview';

export interface ProgressReviewJson {
  kind: 'progress-review';
  schemaVersion: number;
  title: string;
  schoolId: string;
  planDocId: string;
  term: string;
  halfTerm: 0 | 1 | 2;
  supportLevel: 'core' | 'enhanced';
  overall: { status: TrackStatus | ''; summary: string; notes: string };
  priorities: {
    priorityId: string; title: string; area: Area; status: TrackStatus | ''; judgement: ProgressJudgement | '';
    risks: string; notes: string; supportChanges: ({ id: string } & SupportChange)[];
  }[];
}

/** The whole draft as plain JSON, working notes included (the draft's own export, D7). */
export function progressReviewToJson(doc: Y.Doc): ProgressReviewJson {
  const meta = readMeta(doc);
  const r = progressReview(doc);
  return {
    kind: 'progress-review',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    schoolId: r.schoolId(),
    planDocId: r.planDocId(),
    term: r.term(),
    halfTerm: r.halfTerm(),
    supportLevel: r.supportLevel(),
    overall: { status: r.overallStatus(), summary: r.overallSummary().toString(), notes: r.overallNotes().toString() },
    priorities: r.priorities().map((p) => ({
      priorityId: p.priorityId, title: p.title, area: p.area, status: p.status, judgement: p.judgement,
      risks: p.risks.toString(), notes: p.notes.toString(), supportChanges: readSupportChanges(p.supportChanges),
    })),
  };
}

export type RecordableReview = Omit<ProgressReview, 'confirmations'>;

/** What is still missing before a review can be confirmed: a status and judgement for each priority and overall. */
export function reviewGaps(json: ProgressReviewJson): string[] {
  const gaps: string[] = [];
  if (json.overall.status === '') gaps.push('overall.status');
  for (const p of json.priorities) {
    if (p.status === '') gaps.push(`${p.priorityId}.status`);
    if (p.judgement === '') gaps.push(`${p.priorityId}.judgement`);
  }
  return gaps;
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/**
 * D20: the summative part of a draft, the only part agreed into the record: statuses,
 * judgements, risks and support lines. Working notes are left behind. Null while incomplete.
 */
export function recordableReview(json: ProgressReviewJson, reviewDocId: string): RecordableReview | null {
  if (reviewGaps(json).length > 0 || json.overall.status === '') return null;
  const priorities: ReviewedPriority[] = json.priorities.map((p) => ({
    priorityId: p.priorityId,
    title: p.title,
    area: p.area,
    status: p.status as TrackStatus,
    judgement: p.judgement as ProgressJudgement,
    risks: lines(p.risks),
    supportChanges: p.supportChanges.map(({ change, source, provider, description, days }) => ({ change, source, provider, description, days })),
  }));
  return {
    reviewDocId,
    schoolId: json.schoolId,
    planDocId: json.planDocId,
    term: json.term,
    halfTerm: json.halfTerm === 0 ? null : json.halfTerm,
    supportLevel: json.supportLevel,
    overall: { status: json.overall.status, summary: json.overall.summary.trim() },
    priorities,
  };
}

/**
 * D18: restores a confirmed review's judgements into the live draft as one new edit. Working
 * notes are not in the record, so those of priorities still in the draft are kept.
 */
export function restoreProgressReview(doc: Y.Doc, state: RecordableReview): void {
  const r = progressReview(doc);
  doc.transact(() => {
    const keptNotes = new Map(r.priorities().map((p) => [p.priorityId, p.notes.toString()]));
    r.prioritiesArray.delete(0, r.prioritiesArray.length);
    r.prioritiesArray.push(state.priorities.map((p) => newReviewPriorityMap({ id: p.priorityId, title: p.title, area: p.area })));
    for (const p of state.priorities) {
      const view = r.priority(p.priorityId);
      view.map.set('status', p.status);
      view.map.set('judgement', p.judgement);
      view.risks.insert(0, p.risks.join('\n'));
      view.notes.insert(0, keptNotes.get(p.priorityId) ?? '');
      view.supportChanges.push(p.supportChanges.map((s, i) => newSupportChangeMap({ id: `restored-${i + 1}`, ...s })));
    }
    r.setOverallStatus(state.overall.status);
    const summary = r.overallSummary();
    summary.delete(0, summary.length);
    summary.insert(0, state.overall.summary);
  }, 'restore');
}
