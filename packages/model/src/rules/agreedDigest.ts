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

/** The newest approved plan of a year up to `academicYear` (a plan for next year is not yet this year's). */
function currentPlan(subjects: Subjects, academicYear: number): { year: number; plan: ApprovedPlan } | null {
  let best: { year: number; plan: ApprovedPlan } | null = null;
  for (const subject of Object.keys(subjects)) {
    const s = parseSubject(subject);
    if (s.type !== 'plan' || s.academicYear > academicYear || (best && best.year >= s.academicYear)) continue;
    const parsed = ApprovedPlan.safeParse(subjects[subject]);
    if (parsed.success) best = { year: s.academicYear, plan: parsed.data };
  }
  return best;
}

const areaOrder = (a: Area): number => areas.indexOf(a);

/** O2: a school's agreed picture for the academic year (the plan in force, this year's confirmed reviews, brokered support). */
export function digestSchool(schoolId: string, subjects: Subjects, academicYear: number, today: string): SchoolDigest {
  const found = currentPlan(subjects, academicYear);
  const subject = found ? planSubject(found.year) : '';
  const plan = found?.plan.plan;
  const priorities: AgreedItem[] = (plan?.priorities ?? []).map((p) => ({ itemId: p.id, area: p.area, text: p.title, subject }));
  const findings = (type: 'strength' | 'learning-need'): AgreedItem[] =>
    (plan?.findings ?? []).filter((f) => f.type === type).map((f) => ({ itemId: f.id, area: f.area, text: f.text, subject }));
  const support: LedgerLine[] = [];
  for (const p of plan?.priorities ?? []) {
    for (const line of p.support) {
      support.push({ origin: 'plan', subject, priorityId: p.id, source: line.source, provider: line.provider, description: line.description, daysPlanned: line.days, daysUsed: null, impact: '' });
    }
  }
  for (const key of Object.keys(subjects).sort()) {
    const s = parseSubject(key);
    if (s.type === 'review' && found && academicYearOfTerm(s.term) === found.year) {
      const review = ProgressReview.safeParse(subjects[key]);
      if (!review.success) continue;
      for (const p of review.data.priorities) {
        for (const change of p.supportChanges) {
          support.push({
            origin: 'review', subject: key, priorityId: p.priorityId, source: change.source, provider: change.provider, description: change.description,
            daysPlanned: change.change === 'ended' ? 0 : change.days, daysUsed: null, impact: '', term: s.term, change: change.change,
          });
        }
      }
    } else if (isBrokeredSubject(key)) {
      const b = BrokeredSupport.safeParse(subjects[key]);
      if (!b.success) continue;
      support.push({
        origin: 'brokered', subject: key, priorityId: b.data.priorityId, source: b.data.source, provider: b.data.provider, description: b.data.description,
        daysPlanned: b.data.daysPlanned, daysUsed: b.data.daysUsed, impact: b.data.impact, brokeredId: b.data.id,
        providerSchoolId: b.data.providerSchoolId, matchedFrom: b.data.matchedFrom,
      });
    }
  }
  const level = SupportLevelDecision.safeParse(subjects[SUPPORT_LEVEL_SUBJECT]);
  const supportLevel = level.success && level.data.from <= today ? level.data.level : 'core';
  const byArea = (a: AgreedItem, b: AgreedItem) => areaOrder(a.area) - areaOrder(b.area) || a.itemId.localeCompare(b.itemId);
  return {
    schoolId, academicYear: found?.year ?? null, priorities, strengths: findings('strength').sort(byArea), needs: findings('learning-need').sort(byArea), support, supportLevel,
  };
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
