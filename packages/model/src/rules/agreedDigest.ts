import { areas, type Area } from '../domain/improvement';
import { BrokeredSupport, isBrokeredSubject } from '../domain/laPicture';
import { ApprovedPlan } from '../domain/plan';
import { parseSubject, planSubject, SUPPORT_LEVEL_SUBJECT } from '../domain/recordSubjects';
import { ProgressReview, SupportLevelDecision } from '../domain/review';
import { AgreedPriority, priorityIdOfSubject } from '../domain/sharedPriorities';
import { academicYearOfTerm } from './schoolCalendar';

/**
 * What an owner's agreed record says for the LA picture (OVERVIEW.md O1-O4): read from the
 * record's current state only, never from a live draft. Every item names the record subject it
 * came from, so a test (and a curious officer) can follow it back to an agreement.
 */
export interface AgreedItem {
  itemId: string;
  area: Area;
  text: string;
  /** The record subject it was agreed in, e.g. `plan:2026` or `shared-priorities`. */
  subject: string;
}

export type LedgerOrigin = 'plan' | 'review' | 'brokered';

export interface LedgerLine {
  origin: LedgerOrigin;
  subject: string;
  priorityId: string;
  source: 'la' | 'school' | 'collaborative' | 'specialist';
  provider: string;
  description: string;
  daysPlanned: number;
  /** Days used so far: recorded on brokered support; unknown (null) for planned lines. */
  daysUsed: number | null;
  impact: string;
  /** For a review's line: the term and what changed. */
  term?: string;
  change?: 'added' | 'changed' | 'ended';
  /** For a brokered line: its id, the school giving it and the strength it came from. */
  brokeredId?: string;
  providerSchoolId?: string;
  matchedFrom?: string;
}

export interface SchoolDigest {
  schoolId: string;
  /** The academic year of the approved plan read, or null when none is approved. */
  academicYear: number | null;
  priorities: AgreedItem[];
  strengths: AgreedItem[];
  needs: AgreedItem[];
  support: LedgerLine[];
  supportLevel: 'core' | 'enhanced';
}

export interface CollaborativeDigest {
  collaborativeId: string;
  priorities: AgreedItem[];
}

type Subjects = Readonly<Record<string, unknown>>;

/**
 * O34: what a school's record says for the LA picture whatever the day: every approved plan's
 * items and support, each confirmed review's and each brokered support's lines (in subject
 * order) and the support level decided. Computed when an agreement is saved and kept beside the
 * record, so the picture reads it instead of loading the record; `schoolDigestFor` picks the
 * plan in force and the level of a day from it.
 */
export interface SchoolRecordDigest {
  plans: { year: number; priorities: AgreedItem[]; strengths: AgreedItem[]; needs: AgreedItem[]; support: LedgerLine[] }[];
  /** A confirmed review's lines carry the academic year of its term; brokered support has none (it counts in every year). */
  later: { subject: string; year: number | null; lines: LedgerLine[] }[];
  supportLevel: { level: 'core' | 'enhanced'; from: string } | null;
}

const areaOrder = (a: Area): number => areas.indexOf(a);

function planDigest(year: number, plan: ApprovedPlan['plan']): SchoolRecordDigest['plans'][number] {
  const subject = planSubject(year);
  const priorities: AgreedItem[] = plan.priorities.map((p) => ({ itemId: p.id, area: p.area, text: p.title, subject }));
  const byArea = (a: AgreedItem, b: AgreedItem) => areaOrder(a.area) - areaOrder(b.area) || a.itemId.localeCompare(b.itemId);
  const findings = (type: 'strength' | 'learning-need'): AgreedItem[] =>
    plan.findings.filter((f) => f.type === type).map((f) => ({ itemId: f.id, area: f.area, text: f.text, subject })).sort(byArea);
  const support: LedgerLine[] = [];
  for (const p of plan.priorities) {
    for (const line of p.support) {
      support.push({ origin: 'plan', subject, priorityId: p.id, source: line.source, provider: line.provider, description: line.description, daysPlanned: line.days, daysUsed: null, impact: '' });
    }
  }
  return { year, priorities, strengths: findings('strength'), needs: findings('learning-need'), support };
}

/** O34: a school record's digest, from its current agreed state alone. */
export function schoolRecordDigest(subjects: Subjects): SchoolRecordDigest {
  const plans: SchoolRecordDigest['plans'] = [];
  const later: SchoolRecordDigest['later'] = [];
  for (const key of Object.keys(subjects).sort()) {
    const s = parseSubject(key);
    if (s.type === 'plan') {
      const parsed = ApprovedPlan.safeParse(subjects[key]);
      if (parsed.success) plans.push(planDigest(s.academicYear, parsed.data.plan));
    } else if (s.type === 'review') {
      const review = ProgressReview.safeParse(subjects[key]);
      if (!review.success) continue;
      const lines: LedgerLine[] = [];
      for (const p of review.data.priorities) {
        for (const change of p.supportChanges) {
          lines.push({
            origin: 'review', subject: key, priorityId: p.priorityId, source: change.source, provider: change.provider, description: change.description,
            daysPlanned: change.change === 'ended' ? 0 : change.days, daysUsed: null, impact: '', term: s.term, change: change.change,
          });
        }
      }
      later.push({ subject: key, year: academicYearOfTerm(s.term), lines });
    } else if (isBrokeredSubject(key)) {
      const b = BrokeredSupport.safeParse(subjects[key]);
      if (!b.success) continue;
      later.push({ subject: key, year: null, lines: [{
        origin: 'brokered', subject: key, priorityId: b.data.priorityId, source: b.data.source, provider: b.data.provider, description: b.data.description,
        daysPlanned: b.data.daysPlanned, daysUsed: b.data.daysUsed, impact: b.data.impact, brokeredId: b.data.id,
        providerSchoolId: b.data.providerSchoolId, matchedFrom: b.data.matchedFrom,
      }] });
    }
  }
  plans.sort((a, b) => a.year - b.year);
  const level = SupportLevelDecision.safeParse(subjects[SUPPORT_LEVEL_SUBJECT]);
  return { plans, later, supportLevel: level.success ? { level: level.data.level, from: level.data.from } : null };
}

/**
 * O2: a school's agreed picture for the academic year from its record's digest: the newest
 * approved plan of a year up to `academicYear` (a plan for next year is not yet this year's),
 * this plan year's confirmed reviews, brokered support, and the level in force on `today`.
 */
export function schoolDigestFor(schoolId: string, digest: SchoolRecordDigest, academicYear: number, today: string): SchoolDigest {
  let found: SchoolRecordDigest['plans'][number] | undefined;
  for (const plan of digest.plans) if (plan.year <= academicYear) found = plan;
  const support: LedgerLine[] = [...(found?.support ?? [])];
  for (const entry of digest.later) if (entry.year === null || (found && entry.year === found.year)) support.push(...entry.lines);
  const supportLevel = digest.supportLevel && digest.supportLevel.from <= today ? digest.supportLevel.level : 'core';
  return {
    schoolId, academicYear: found?.year ?? null, priorities: found?.priorities ?? [], strengths: found?.strengths ?? [], needs: found?.needs ?? [], support, supportLevel,
  };
}

/** O2: a school's agreed picture for the academic year, read from its record's current state. */
export function digestSchool(schoolId: string, subjects: Subjects, academicYear: number, today: string): SchoolDigest {
  return schoolDigestFor(schoolId, schoolRecordDigest(subjects), academicYear, today);
}

interface AgreedWorkspacePriority { id?: unknown; area?: unknown; title?: unknown; status?: unknown }

/**
 * O3: a collaborative's agreed shared priorities: each `priority:<id>` the convenor agreed at a
 * meeting (COLLABORATIVES.md G1). A record from before those existed holds the workspace as
 * agreed whole (subject `shared-priorities`, A27), where priorities marked agreed or completed count.
 */
export function digestCollaborative(collaborativeId: string, subjects: Subjects, subject = 'shared-priorities'): CollaborativeDigest {
  const each = Object.entries(subjects).flatMap(([key, state]) => {
    if (priorityIdOfSubject(key) === null) return [];
    const parsed = AgreedPriority.safeParse(state);
    return parsed.success ? [{ itemId: parsed.data.priorityId, area: parsed.data.area, text: parsed.data.title, subject: key }] : [];
  });
  if (each.length > 0) return { collaborativeId, priorities: each.sort((a, b) => a.itemId.localeCompare(b.itemId)) };
  const agreed = subjects[subject] as { priorities?: AgreedWorkspacePriority[] } | undefined;
  const priorities: AgreedItem[] = [];
  for (const p of agreed?.priorities ?? []) {
    if (typeof p.id !== 'string' || typeof p.title !== 'string' || !(areas as readonly unknown[]).includes(p.area)) continue;
    if (p.status !== 'agreed' && p.status !== 'completed') continue;
    priorities.push({ itemId: p.id, area: p.area as Area, text: p.title, subject });
  }
  return { collaborativeId, priorities };
}

/** M27: the facilitator days (LA source) a school's ledger plans and has used. */
export function facilitatorDays(digest: Pick<SchoolDigest, 'support'>): { planned: number; used: number } {
  let planned = 0;
  let used = 0;
  for (const line of digest.support) {
    if (line.source !== 'la') continue;
    if (line.origin === 'review' && line.change !== 'added') continue;
    planned += line.daysPlanned;
    used += line.daysUsed ?? 0;
  }
  return { planned, used };
}
