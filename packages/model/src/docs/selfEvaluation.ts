import * as Y from 'yjs';
import { enquiryQuestionIds, evidenceKinds, type EnquiryQuestionId, type EvidenceKind } from '../domain/enquiry';
import { areaOr, type Area } from '../domain/improvement';
import { child, patchMap, prelimMap, readMeta, removeById, str } from './meta';
import { richTextToJson, type RichNode } from './richText';
import { selfEvaluationFindings, type FindingJson } from './seFindings';

/**
 * D4 layout of a self-evaluation:
 *   sections: root Y.Array of Y.Map {
 *     id, area,
 *     narrative: Y.XmlFragment (ProseMirror),
 *     answers: Y.Map<enquiry question id, Y.Text>,
 *     evidence: Y.Array of Y.Map { id, kind, description, addedBy, addedAt },
 *   }
 * A section is inserted whole (all nested types prefilled) so a peer never sees half of one.
 */
export interface EvidenceEntry {
  id: string;
  kind: EvidenceKind;
  description: string;
  /** Person id of whoever added it. */
  addedBy: string;
  /** ISO timestamp, supplied by the caller (the model reads no clock). */
  addedAt: string;
}

export interface SectionView {
  id: string;
  area: Area;
  narrative: Y.XmlFragment;
  /** The live text of one answer, for editing; throws if the section lacks it. */
  answer(question: EnquiryQuestionId): Y.Text;
  /** The answer as a string, '' when missing: safe for rendering documents of any age. */
  answerText(question: EnquiryQuestionId): string;
  evidence(): EvidenceEntry[];
  evidenceArray: Y.Array<Y.Map<unknown>>;
}

export function sectionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>('sections');
}

function readEvidence(map: Y.Map<unknown>): EvidenceEntry {
  const kind = str(map, 'kind');
  return {
    id: str(map, 'id'),
    kind: (evidenceKinds as readonly string[]).includes(kind) ? (kind as EvidenceKind) : 'other',
    description: str(map, 'description'),
    addedBy: str(map, 'addedBy'),
    addedAt: str(map, 'addedAt'),
  };
}

function viewSection(map: Y.Map<unknown>): SectionView {
  const answers = child(map, 'answers', Y.Map<Y.Text>);
  const evidenceArray = child(map, 'evidence', Y.Array<Y.Map<unknown>>);
  return {
    id: str(map, 'id'),
    area: areaOr(map.get('area')),
    narrative: child(map, 'narrative', Y.XmlFragment),
    answer(question) {
      const text = answers.get(question);
      if (!(text instanceof Y.Text)) throw new Error(`self-evaluation: section has no answer for ${question}`);
      return text;
    },
    answerText(question) {
      const text = answers.get(question);
      return text instanceof Y.Text ? text.toString() : '';
    },
    evidence: () => evidenceArray.toArray().map(readEvidence),
    evidenceArray,
  };
}

export function newSectionMap(id: string, area: Area): Y.Map<unknown> {
  return prelimMap({
    id,
    area,
    narrative: new Y.XmlFragment(),
    answers: new Y.Map<Y.Text>(enquiryQuestionIds.map((q) => [q, new Y.Text()])),
    evidence: new Y.Array<Y.Map<unknown>>(),
  });
}

/** Typed access to a self-evaluation Y.Doc. Reads are live views; writes are transactions. */
export function selfEvaluation(doc: Y.Doc) {
  const sections = sectionsArray(doc);
  const find = (id: string): SectionView => {
    const map = sections.toArray().find((m) => m.get('id') === id);
    if (map === undefined) throw new Error(`self-evaluation: no section ${id}`);
    return viewSection(map);
  };
  return {
    meta: () => readMeta(doc),
    sections: (): SectionView[] => sections.toArray().map(viewSection),
    section: find,
    addSection(id: string, area: Area): SectionView {
      sections.push([newSectionMap(id, area)]);
      return find(id);
    },
    addEvidence(sectionId: string, entry: EvidenceEntry): void {
      find(sectionId).evidenceArray.push([prelimMap({ ...entry })]);
    },
    removeEvidence(sectionId: string, evidenceId: string): void {
      removeById(find(sectionId).evidenceArray, evidenceId);
    },
    /** D46: corrects an entry's kind or description; an entry someone else removed stays removed. */
    updateEvidence(sectionId: string, evidenceId: string, patch: Partial<Pick<EvidenceEntry, 'kind' | 'description'>>): void {
      patchMap(find(sectionId).evidenceArray.toArray().find((x) => x.get('id') === evidenceId), patch);
    },
    /** D46: removes an area with its answers, evidence and narrative (the school no longer evaluates it here). */
    removeSection(sectionId: string): void {
      removeById(sections, sectionId);
    },
  };
}

/** Adds evidence to a section (same as `selfEvaluation(doc).addEvidence`). */
export function addEvidence(doc: Y.Doc, sectionId: string, entry: EvidenceEntry): void {
  selfEvaluation(doc).addEvidence(sectionId, entry);
}

export interface SelfEvaluationJson {
  kind: 'self-evaluation';
  schemaVersion: number;
  title: string;
  sections: {
    id: string;
    area: Area;
    narrative: RichNode[];
    answers: Record<EnquiryQuestionId, string>;
    evidence: EvidenceEntry[];
  }[];
  /** D24: strengths to share, learning needs and emerging priorities (absent in older documents: []). */
  findings: FindingJson[];
}

export function selfEvaluationToJson(doc: Y.Doc): SelfEvaluationJson {
  const meta = readMeta(doc);
  return {
    kind: 'self-evaluation',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    sections: selfEvaluation(doc)
      .sections()
      .map((s) => ({
        id: s.id,
        area: s.area,
        narrative: richTextToJson(s.narrative),
        answers: Object.fromEntries(enquiryQuestionIds.map((q) => [q, s.answerText(q)])) as Record<EnquiryQuestionId, string>,
        evidence: s.evidence(),
      })),
    findings: selfEvaluationFindings(doc).toJson(),
  };
}
