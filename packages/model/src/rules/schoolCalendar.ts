/**
 * School days, terms and review periods. Pure: the caller passes today's date, the model reads
 * no clock. Dates are ISO `YYYY-MM-DD` calendar days (no time zone: a school day is a date).
 *
 * - A school day is a Monday to Friday that falls in none of the school's own holidays
 *   (X: the school enters its term dates, bank holidays and closure days; the product does not
 *   guess them, because term dates differ between LAs and schools).
 * - A revision after an inspection is due 20 school days after the report's date: the report's
 *   own day does not count, the 20th school day after it is the due date (D22).
 * - Terms for the review cycle: autumn 1 September to 31 December, spring 1 January to 31 March,
 *   summer 1 April to 31 August; half terms split them at 1 November, 15 February and 1 June.
 *   A review of a period is due while the period runs and overdue once it has ended (D23).
 */
/** A school term: `2026-autumn`, `2027-spring`, `2027-summer` (the calendar year it falls in). */
export type TermKey = string;

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** True for a Monday to Friday outside every holiday range (ranges are inclusive). */
export function isSchoolDay(iso: string, holidays: readonly DateRange[]): boolean {
  const weekday = new Date(toDay(iso) * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.some((h) => h.from <= iso && iso <= h.to);
}

/** The date of the `count`th school day after `iso` (the day itself not counted). */
export function addSchoolDays(iso: string, count: number, holidays: readonly DateRange[]): string {
  let day = iso;
  let counted = 0;
  // A year of holidays cannot hide more than 366 days: the bound stops a malformed range looping.
  for (let guard = 0; counted < count && guard < count + 800; guard++) {
    day = addDays(day, 1);
    if (isSchoolDay(day, holidays)) counted++;
  }
  return day;
}

export const INSPECTION_REVISION_SCHOOL_DAYS = 20;

/** When the plan's revision after an inspection report published on `reportDate` is due. */
export function inspectionRevisionDue(reportDate: string, holidays: readonly DateRange[]): string {
  return addSchoolDays(reportDate, INSPECTION_REVISION_SCHOOL_DAYS, holidays);
}

export type TermName = 'autumn' | 'spring' | 'summer';
export const termNames: readonly TermName[] = ['autumn', 'spring', 'summer'];

/** One review period: a term, or a half term when support is enhanced. */
export interface ReviewPeriod {
  term: TermKey;
  halfTerm: 1 | 2 | null;
  start: string;
  end: string;
}

/** The academic year (its starting calendar year) a date falls in: 2027-03-01 is in 2026-27. */
export function academicYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return iso.slice(5) >= '09-01' ? year : year - 1;
}

export function academicYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

function termBounds(academicYear: number, name: TermName): { term: TermKey; start: string; end: string; split: string } {
  const next = academicYear + 1;
  switch (name) {
    case 'autumn':
      return { term: `${academicYear}-autumn`, start: `${academicYear}-09-01`, end: `${academicYear}-12-31`, split: `${academicYear}-11-01` };
    case 'spring':
      return { term: `${next}-spring`, start: `${next}-01-01`, end: `${next}-03-31`, split: `${next}-02-15` };
    case 'summer':
      return { term: `${next}-summer`, start: `${next}-04-01`, end: `${next}-08-31`, split: `${next}-06-01` };
  }
}

/** The review periods of an academic year, in order: three terms, or six half terms. */
export function reviewPeriods(academicYear: number, halfTermly: boolean): ReviewPeriod[] {
  return termNames.flatMap((name): ReviewPeriod[] => {
    const t = termBounds(academicYear, name);
    if (!halfTermly) return [{ term: t.term, halfTerm: null, start: t.start, end: t.end }];
    return [
      { term: t.term, halfTerm: 1 as const, start: t.start, end: addDays(t.split, -1) },
      { term: t.term, halfTerm: 2 as const, start: t.split, end: t.end },
    ];
  });
}

/** The academic year a term belongs to: `2027-spring` is in 2026-27. */
export function academicYearOfTerm(term: TermKey): number {
  const year = Number(term.slice(0, 4));
  return term.endsWith('autumn') ? year : year - 1;
}

/** A period's key in the record: `2026-autumn`, or `2026-autumn-h1` for a half term. */
export function periodKey(p: { term: string; halfTerm: 1 | 2 | null }): string {
  return p.halfTerm === null ? p.term : `${p.term}-h${p.halfTerm}`;
}

export function periodOf(iso: string, halfTermly: boolean): ReviewPeriod {
  const found = reviewPeriods(academicYearOf(iso), halfTermly).find((p) => p.start <= iso && iso <= p.end);
  if (!found) throw new Error(`periodOf: no period holds ${iso}`);
  return found;
}

export interface PeriodStatus extends ReviewPeriod {
  state: 'confirmed' | 'due' | 'overdue' | 'upcoming';
}

/**
 * D23: where each review period of the year stands today. `levelOn(date)` is the support level in
 * force on a date (a school may move to enhanced support mid-year: its half terms start then).
 * A period that has ended unconfirmed is overdue; the one running now is due.
 */
export function reviewSchedule(
  academicYear: number,
  today: string,
  levelOn: (date: string) => 'core' | 'enhanced',
  confirmedKeys: ReadonlySet<string>,
): PeriodStatus[] {
  const terms = reviewPeriods(academicYear, false);
  const halves = reviewPeriods(academicYear, true);
  const periods = terms.flatMap((t) => (levelOn(t.start) === 'enhanced' ? halves.filter((h) => h.term === t.term) : [t]));
  return periods.map((p) => {
    const confirmed = confirmedKeys.has(periodKey(p));
    const state = confirmed ? 'confirmed' : p.end < today ? 'overdue' : p.start <= today ? 'due' : 'upcoming';
    return { ...p, state };
  });
}
