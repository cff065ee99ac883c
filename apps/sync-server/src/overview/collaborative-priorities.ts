/**
 * O3: the one place that knows where a collaborative's agreed shared priorities sit in its
 * record. Today that is the workspace as the convenor agreed it at a meeting (A27, subject
 * `shared-priorities`, priorities marked agreed or completed). When the collaboratives' own
 * record of agreed shared priorities lands (issue 13), only this adapter changes.
 */
import { digestCollaborative, type CollaborativeDigest } from '@cydweithio/model/rules/agreedDigest';

export const SHARED_PRIORITIES_SUBJECT = 'shared-priorities';

export function agreedCollaborativePriorities(collaborativeId: string, subjects: Readonly<Record<string, unknown>>): CollaborativeDigest {
  return digestCollaborative(collaborativeId, subjects, SHARED_PRIORITIES_SUBJECT);
}
