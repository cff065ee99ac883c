import type * as Y from 'yjs';
import type { DocumentRecord } from '../domain/document';
import type { Area } from '../domain/improvement';
import type { EnquiryQuestionId } from '../domain/enquiry';
import { initialise } from '../docs/migrations';
import { peerReview, type Participant } from '../docs/peerReview';
import { addVisitDate } from '../docs/visitDateEdits';
import { setParagraphs } from '../docs/richText';
import { selfEvaluation, type EvidenceEntry } from '../docs/selfEvaluation';
import { workspace, type ActionItem } from '../docs/workspace';
import type { DevelopmentPlanState } from '../domain/plan';
import { restoreDevelopmentPlan } from '../docs/planJson';
import { restoreProgressReview, type RecordableReview } from '../docs/reviewJson';
import { progressReview } from '../docs/progressReview';

export interface SelfEvaluationSeed {
  kind: 'self-evaluation';
  sections: { area: Area; narrative: string[]; answers: Partial<Record<EnquiryQuestionId, string>>; evidence: EvidenceEntry[] }[];
}

export interface PeerReviewSeed {
  kind: 'peer-review';
  focus: string;
  /** D64: the days the visit is planned for. */
  visitDates: string[];
  participants: Participant[];
  notes: string[];
  strengths: string[];
  nextSteps: string[];
}

export interface WorkspaceSeed {
  kind: 'workspace';
  priorities: { id: string; area: Area; title: string; successCriteria: string; support: string; actions: ActionItem[] }[];
  meetings: { id: string; date: string; agenda: string; notes: string[]; actions: ActionItem[] }[];
}

export interface PlanSeed {
  kind: 'development-plan';
  state: DevelopmentPlanState;
}

export interface ReviewSeed {
  kind: 'progress-review';
  state: RecordableReview;
  /** The partner's working notes, kept in the draft only. */
  notes: string;
}

/** A demo document: the server's record plus the content to seed into its Y.Doc. */
export interface DemoDocument {
  record: DocumentRecord;
  content: SelfEvaluationSeed | PeerReviewSeed | WorkspaceSeed | PlanSeed | ReviewSeed;
  /** A plan's year and the plan it follows (the server's plan table). */
  plan?: { academicYear: number; previousPlanId: string };
  /** A review's period, plan and support level (the server's review table). */
  review?: { term: string; halfTerm: 1 | 2 | null; planDocId: string; supportLevel: 'core' | 'enhanced' };
}

/**
 * Writes a demo document's starting content into an empty Y.Doc through the same accessors
 * the web client uses, so the demo also exercises the layout (D1-D6). Run once per document.
 */
export function seedDemoDocument(doc: Y.Doc, demo: DemoDocument): void {
  const { record, content } = demo;
  if (record.kind !== content.kind) throw new Error(`seedDemoDocument: record is ${record.kind}, content is ${content.kind}`);
  doc.transact(() => {
    switch (content.kind) {
      case 'self-evaluation': {
        initialise(doc, 'self-evaluation', { title: record.title, areas: content.sections.map((s) => s.area) });
        const se = selfEvaluation(doc);
        for (const seed of content.sections) {
          const section = se.section(seed.area);
          setParagraphs(section.narrative, seed.narrative);
          for (const [q, text] of Object.entries(seed.answers)) section.answer(q as EnquiryQuestionId).insert(0, text);
          for (const e of seed.evidence) se.addEvidence(section.id, e);
        }
        return;
      }
      case 'peer-review': {
        initialise(doc, 'peer-review', { title: record.title, hostSchoolId: record.peerReview?.hostSchoolId ?? '' });
        const pr = peerReview(doc);
        pr.focus().insert(0, content.focus);
        content.visitDates.forEach((date, i) => addVisitDate(doc, { id: `visit-date-${i + 1}`, date }));
        for (const p of content.participants) pr.addParticipant(p);
        setParagraphs(pr.section('notes'), content.notes);
        setParagraphs(pr.section('strengths'), content.strengths);
        setParagraphs(pr.section('nextSteps'), content.nextSteps);
        return;
      }
      case 'workspace': {
        initialise(doc, 'workspace', { title: record.title });
        const ws = workspace(doc);
        for (const p of content.priorities) {
          ws.addPriority(p);
        }
        for (const m of content.meetings) {
          const meeting = ws.addMeeting(m);
          setParagraphs(meeting.notes, m.notes);
          for (const a of m.actions) ws.addAction(meeting.actions, a);
        }
        return;
      }
      case 'development-plan': {
        const { state } = content;
        initialise(doc, 'development-plan', { title: record.title, plan: { schoolId: state.schoolId, academicYear: state.academicYear, previousPlanId: state.previousPlanId } });
        restoreDevelopmentPlan(doc, state);
        return;
      }
      case 'progress-review': {
        const { state } = content;
        initialise(doc, 'progress-review', {
          title: record.title,
          review: { schoolId: state.schoolId, planDocId: state.planDocId, term: state.term, halfTerm: state.halfTerm ?? 0, supportLevel: state.supportLevel, priorities: [] },
        });
        restoreProgressReview(doc, state);
        progressReview(doc).overallNotes().insert(0, content.notes);
        return;
      }
    }
  }, 'seed');
}
