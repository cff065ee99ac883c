import type { Bilingual, Lang } from './bilingual';
import { academicYearLabel, periodKey } from '../rules/schoolCalendar';

/**
 * The subjects of the improvement cycle in a school's record (RECORDS.md K10): the governors'
 * approval of each year's plan, each year's published summary, each confirmed review and the
 * support level. Shared by the server (which writes them) and the screens (which read them).
 */
export const SUPPORT_LEVEL_SUBJECT = 'support-level';

export const planSubject = (academicYear: number): string => `plan:${academicYear}`;
export const summarySubject = (academicYear: number): string => `summary:${academicYear}`;
export const reviewSubject = (term: string, halfTerm: 1 | 2 | null): string => `review:${periodKey({ term, halfTerm })}`;

export type CycleSubject =
  | { type: 'plan'; academicYear: number }
  | { type: 'summary'; academicYear: number }
  | { type: 'review'; term: string; halfTerm: 1 | 2 | null }
  | { type: 'support-level' }
  | { type: 'other'; subject: string };

export function parseSubject(subject: string): CycleSubject {
  if (subject === SUPPORT_LEVEL_SUBJECT) return { type: 'support-level' };
  const plan = /^(plan|summary):(\d{4})$/.exec(subject);
  if (plan) return { type: plan[1] as 'plan' | 'summary', academicYear: Number(plan[2]) };
  const review = /^review:(\d{4}-(?:autumn|spring|summer))(?:-h([12]))?$/.exec(subject);
  if (review) return { type: 'review', term: review[1] ?? '', halfTerm: review[2] ? (Number(review[2]) as 1 | 2) : null };
  return { type: 'other', subject };
}

const termWords: Record<string, Bilingual> = {
  autumn: { cy: 'yr hydref', en: 'autumn' },
  spring: { cy: 'y gwanwyn', en: 'spring' },
  summer: { cy: 'yr haf', en: 'summer' },
};

/** A term in words: "tymor yr hydref 2026" / "autumn term 2026", with its half when given. */
export function termWordsOf(term: string, halfTerm: 1 | 2 | null, lang: Lang): string {
  const [year, name] = term.split('-');
  const words = termWords[name ?? '']?.[lang] ?? name ?? '';
  const half = halfTerm === null ? '' : lang === 'cy' ? `, hanner tymor ${halfTerm}` : `, half term ${halfTerm}`;
  return lang === 'cy' ? `Tymor ${words} ${year ?? ''}${half}` : `${words.charAt(0).toUpperCase()}${words.slice(1)} term ${year ?? ''}${half}`;
}

/** What an agreement in the record is, in words, for the timeline. */
export function subjectLabel(subject: string, lang: Lang): string {
  const s = parseSubject(subject);
  switch (s.type) {
    case 'plan':
      return lang === 'cy' ? `Cymeradwyo cynllun ${academicYearLabel(s.academicYear)}` : `${academicYearLabel(s.academicYear)} plan approved`;
    case 'summary':
      return lang === 'cy' ? `Cyhoeddi crynodeb ${academicYearLabel(s.academicYear)}` : `${academicYearLabel(s.academicYear)} summary published`;
    case 'review':
      return lang === 'cy' ? `Adolygiad cynnydd: ${termWordsOf(s.term, s.halfTerm, lang)}` : `Progress review: ${termWordsOf(s.term, s.halfTerm, lang)}`;
    case 'support-level':
      return lang === 'cy' ? 'Penderfyniad am lefel y cymorth' : 'Support level decision';
    case 'other':
      return s.subject;
  }
}
