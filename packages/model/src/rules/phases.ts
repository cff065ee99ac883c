import type { Setting } from '../domain/school';

/**
 * Phase groups for the vertical and horizontal rules (M1, M4). All-age schools teach
 * secondary-age learners, so they sit with secondaries in a horizontal collaborative; nursery
 * schools sit with primaries. Special schools and PRU/EOTAS settings form their own groups.
 */
export type PhaseGroup = 'primary' | 'secondary' | 'special' | 'pru-eotas';

export function phaseGroup(setting: Setting): PhaseGroup {
  switch (setting) {
    case 'nursery':
    case 'primary':
      return 'primary';
    case 'secondary':
    case 'all-age-3-16':
    case 'all-age-3-19':
      return 'secondary';
    case 'special':
      return 'special';
    case 'pru':
    case 'eotas':
      return 'pru-eotas';
  }
}

export function isAllAge(setting: Setting): boolean {
  return setting === 'all-age-3-16' || setting === 'all-age-3-19';
}

/** The secondary end of a vertical collaborative: a secondary or all-age school (M1). */
export function isSecondaryEnd(setting: Setting): boolean {
  return setting === 'secondary' || isAllAge(setting);
}
