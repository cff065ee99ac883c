import type { LanguageCategory, Setting } from '../domain/school';

/**
 * O17: the coverage list's filters, shared by the screen and the CSV export so both show the
 * same schools: by setting (phase), language category and cluster (a vertical collaborative).
 * The order stays school number: a filter never ranks.
 */
export interface CoverageFilter {
  setting?: Setting | undefined;
  language?: LanguageCategory | undefined;
  clusterId?: string | undefined;
  /** Only schools not yet in both kinds of collaborative. */
  gapsOnly?: boolean | undefined;
}

export interface FilterableSchool {
  id: string;
  setting: Setting;
  languageCategory: LanguageCategory;
  clusterIds: readonly string[];
  inVertical: boolean;
  inHorizontal: boolean;
}

export function filterCoverage<S extends FilterableSchool>(schools: readonly S[], filter: CoverageFilter): S[] {
  return schools
    .filter((s) => (filter.setting === undefined || s.setting === filter.setting)
      && (filter.language === undefined || s.languageCategory === filter.language)
      && (filter.clusterId === undefined || s.clusterIds.includes(filter.clusterId))
      && (!filter.gapsOnly || !s.inVertical || !s.inHorizontal))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** How a school's coverage is drawn: by coverage only (never by any judgement or placement). */
export type CoverageState = 'both' | 'vertical-only' | 'horizontal-only' | 'neither';

export function coverageState(s: Pick<FilterableSchool, 'inVertical' | 'inHorizontal'>): CoverageState {
  if (s.inVertical && s.inHorizontal) return 'both';
  if (s.inVertical) return 'vertical-only';
  if (s.inHorizontal) return 'horizontal-only';
  return 'neither';
}
