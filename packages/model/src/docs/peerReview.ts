import type * as Y from 'yjs';
import { visitActivityKinds, type VisitActivityKind } from '../domain/reviewTeam';
import { metaMap, patchMap, prelimMap, readMeta, removeById, str } from './meta';
import { richTextToJson, type RichNode } from './richText';
import { readVisitDates, type VisitDate } from './visitDates';

/**
 * D5 layout of a peer-review write-up (owned by the host school):
 *   meta: + hostSchoolId
 *   focus: root Y.Text (the agreed focus of the review)
 *   participants: root Y.Array of Y.Map { personId, name, schoolName, role: host | reviewer }
 *   activities: root Y.Array of Y.Map { id, kind, date, note } (the visit's activity log, D31)
 *   visitDates: root Y.Array of Y.Map { id, date } (the days the visit is planned for, D64,
 *     written through ./visitDates so a screen that only reads them carries none of the editing)
 *   notes, strengths, nextSteps: root Y.XmlFragment each
 * The focus is a root type rather than a Y.Text inside meta: two people typing the focus
 * offline would otherwise each create a Y.Text under the same key and one would be lost (D2).
 * Who may read or write is decided by the server's record (PeerReviewFacts), not by this list:
 * participants are what the write-up says, for people reading it.
 */
export const peerReviewSectionIds = ['notes', 'strengths', 'nextSteps'] as const;
export type PeerReviewSectionId = (typeof peerReviewSectionIds)[number];

export const participantRoles = ['host', 'reviewer'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export interface Participant {
  personId: string;
  name: string;
  schoolName: string;
  role: ParticipantRole;
}

/** D31: one entry of the visit's activity log, typed evidence of what the team did. */
export interface VisitActivity {
  id: string;
  kind: VisitActivityKind;
  /** ISO date of the visit day, or '' when not given. */
  date: string;
  /** What was done and seen, in words: evidence described, never learner-level data. */
  note: string;
}

function readActivity(m: Y.Map<unknown>): VisitActivity {
  const kind = m.get('kind');
  return {
    id: str(m, 'id'),
    kind: (visitActivityKinds as readonly unknown[]).includes(kind) ? (kind as VisitActivityKind) : 'learning-walk',
    date: str(m, 'date'),
    note: str(m, 'note'),
  };
}

export function peerReview(doc: Y.Doc) {
  const participants = doc.getArray<Y.Map<unknown>>('participants');
  const activities = doc.getArray<Y.Map<unknown>>('activities');
  return {
    meta: () => readMeta(doc),
    hostSchoolId: (): string => str(metaMap(doc), 'hostSchoolId'),
    focus: (): Y.Text => doc.getText('focus'),
    section: (id: PeerReviewSectionId): Y.XmlFragment => doc.getXmlFragment(id),
    participants: (): Participant[] =>
      participants.toArray().map((m) => ({
        personId: str(m, 'personId'),
        name: str(m, 'name'),
        schoolName: str(m, 'schoolName'),
        role: m.get('role') === 'host' ? 'host' : 'reviewer',
      })),
    /** Adds a participant once; adding the same person again changes nothing. */
    addParticipant(p: Participant): void {
      doc.transact(() => {
        if (participants.toArray().some((m) => m.get('personId') === p.personId)) return;
        participants.push([prelimMap({ ...p })]);
      });
    },
    removeParticipant(personId: string): void {
      removeById(participants, personId, 'personId');
    },
    /** D46: corrects how the write-up names a participant (who may read it is the server's team, G10). */
    updateParticipant(personId: string, patch: Partial<Omit<Participant, 'personId'>>): void {
      patchMap(participants.toArray().find((x) => x.get('personId') === personId), patch);
    },
    participantsArray: (): Y.Array<Y.Map<unknown>> => participants,
    activitiesArray: (): Y.Array<Y.Map<unknown>> => activities,
    activities: (): VisitActivity[] => activities.toArray().map(readActivity),
    addActivity(a: VisitActivity): void {
      activities.push([prelimMap({ ...a })]);
    },
    removeActivity(id: string): void {
      const index = activities.toArray().findIndex((m) => m.get('id') === id);
      if (index >= 0) activities.delete(index, 1);
    },
    /** D64: the planned days of the visit, in calendar order, each once. */
    visitDates: (): VisitDate[] => readVisitDates(doc),
  };
}

export interface PeerReviewJson {
  kind: 'peer-review';
  schemaVersion: number;
  title: string;
  hostSchoolId: string;
  focus: string;
  participants: Participant[];
  activities: VisitActivity[];
  visitDates: string[];
  notes: RichNode[];
  strengths: RichNode[];
  nextSteps: RichNode[];
}

export function peerReviewToJson(doc: Y.Doc): PeerReviewJson {
  const meta = readMeta(doc);
  const pr = peerReview(doc);
  return {
    kind: 'peer-review',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    hostSchoolId: pr.hostSchoolId(),
    focus: pr.focus().toString(),
    participants: pr.participants(),
    activities: pr.activities(),
    visitDates: pr.visitDates().map((d) => d.date),
    notes: richTextToJson(pr.section('notes')),
    strengths: richTextToJson(pr.section('strengths')),
    nextSteps: richTextToJson(pr.section('nextSteps')),
  };
}
