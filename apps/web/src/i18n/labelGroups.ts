import { createSignal } from 'solid-js';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';

export type LabelGroups = Record<string, Record<string, Bilingual>>;

/**
 * Domain label groups that arrive with a catalogue area rather than with every page (the
 * improvement cycle's, with the 'cycle' area: ./cycleLabelGroups). Kept apart from ./useLabels
 * so the catalogue loader can add them without carrying the model's labels onto the first page.
 */
const [arrived, setArrived] = createSignal<LabelGroups>({});

export function addLabelGroups(groups: LabelGroups): void {
  setArrived((current) => ({ ...current, ...groups }));
}

/** The groups that have arrived so far (reactive). */
export function arrivedLabelGroups(): LabelGroups {
  return arrived();
}
