/**
 * What a school's record says about its improvement cycle (CYCLE.md E5, E20): the plan the
 * governors approved for a year, the newest published summary, the support level in force on a
 * date and which review periods are confirmed. Read from the record only, never from drafts.
 */
import { ApprovedPlan, PublishedSummary, SupportLevelDecision } from '@cydweithio/model/domain/index';
import { parseSubject, planSubject, SUPPORT_LEVEL_SUBJECT } from '@cydweithio/model/domain/recordSubjects';
import { periodKey } from '@cydweithio/model/rules/schoolCalendar';
import type { RecordControl } from '../access/context';

export const schoolOwnerKey = (schoolId: string): string => `school:${schoolId}`;

export async function approvedPlan(records: RecordControl, schoolId: string, academicYear: number): Promise<ApprovedPlan | null> {
  const { subjects } = await records.current(schoolOwnerKey(schoolId));
  const parsed = ApprovedPlan.safeParse(subjects[planSubject(academicYear)]);
  return parsed.success ? parsed.data : null;
}

/** The newest year's published summary of the school, or null when it has published none. */
export function latestSummary(subjects: Record<string, unknown>): PublishedSummary | null {
  const years = Object.keys(subjects).flatMap((s) => { const p = parseSubject(s); return p.type === 'summary' ? [p.academicYear] : []; });
  if (years.length === 0) return null;
  const parsed = PublishedSummary.safeParse(subjects[`summary:${Math.max(...years)}`]);
  return parsed.success ? parsed.data : null;
}

export interface SupportLevels {
  levelOn(date: string): 'core' | 'enhanced';
  decisions: (SupportLevelDecision & { at: number })[];
}

/** Every recorded decision, oldest first; the level on a date is the last decision in force by then. */
export async function supportLevels(records: RecordControl, schoolId: string): Promise<SupportLevels> {
  const history = await records.subjectHistory(schoolOwnerKey(schoolId), (s) => s === SUPPORT_LEVEL_SUBJECT);
  const decisions = history.flatMap(({ version, state }) => {
    const parsed = SupportLevelDecision.safeParse(state);
    return parsed.success ? [{ ...parsed.data, at: version.at }] : [];
  });
  return {
    decisions,
    levelOn: (date) => [...decisions].filter((d) => d.from <= date).sort((a, b) => (a.from === b.from ? a.at - b.at : a.from.localeCompare(b.from))).at(-1)?.level ?? 'core',
  };
}

/** Review period keys (`2026-autumn`, `2026-autumn-h1`) with a confirmed review in the record. */
export function confirmedPeriods(subjects: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(subjects).flatMap((s) => { const p = parseSubject(s); return p.type === 'review' ? [periodKey(p)] : []; }));
}
