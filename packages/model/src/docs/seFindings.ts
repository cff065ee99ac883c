import * as Y from 'yjs';
import { areaOr, type Area } from '../domain/improvement';
import { prelimMap, str } from './meta';

/**
 * D24: a self-evaluation's findings (root `findings` Y.Array of Y.Map { id, type, area,
 * text: Y.Text, carriedInto }), an addition to the D4 layout that older documents simply lack.
 * Strengths to share, professional-learning needs and emerging priorities can be carried into
 * the development plan; `carriedInto` names the plan, and the plan's item names this finding
 * back, so each side links to the other.
 */
export const findingTypes = ['strength', 'learning-need', 'emerging-priority'] as const;
export type FindingType = (typeof findingTypes)[number];

export interface FindingView {
  id: string;
  type: FindingType;
  area: Area;
  text: Y.Text;
  carriedInto: string;
  map: Y.Map<unknown>;
}

export interface FindingJson {
  id: string;
  type: FindingType;
  area: Area;
  text: string;
  carriedInto: string;
}

function view(m: Y.Map<unknown>): FindingView {
  const type = m.get('type');
  const text = m.get('text');
  return {
    id: str(m, 'id'),
    type: (findingTypes as readonly unknown[]).includes(type) ? (type as FindingType) : 'strength',
    area: areaOr(m.get('area')),
    text: text instanceof Y.Text ? text : new Y.Text(),
    carriedInto: str(m, 'carriedInto'),
    map: m,
  };
}

export function selfEvaluationFindings(doc: Y.Doc) {
  const findings = doc.getArray<Y.Map<unknown>>('findings');
  return {
    array: findings,
    list: (): FindingView[] => findings.toArray().map(view),
    add: (f: { id: string; type: FindingType; area: Area; text: string }) =>
      findings.push([prelimMap({ id: f.id, type: f.type, area: f.area, text: new Y.Text(f.text), carriedInto: '' })]),
    markCarried(id: string, planDocId: string): void {
      findings.toArray().find((m) => m.get('id') === id)?.set('carriedInto', planDocId);
    },
    toJson: (): FindingJson[] => findings.toArray().map(view).map((f) => ({ id: f.id, type: f.type, area: f.area, text: f.text.toString(), carriedInto: f.carriedInto })),
  };
}
