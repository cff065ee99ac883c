/**
 * O3: the one place that knows where a collaborative's agreed shared priorities sit in its
 * record: each `priority:<id>` its convenor agreed at a meeting (COLLABORATIVES.md G1), or, in a
 * record from before those, the workspace agreed whole (A27, subject `shared-priorities`).
 */
import { digestCollaborative, type CollaborativeDigest } from '@cydweithio/model/rules/agreedDigest';

export const SHARED_PRIORITIES_SUBJECT = 'shared-priorities';

export function agreedCollaborativePriorities(collaborativeId: string, subjects: Readonly<Record<string, unknown>>): CollaborativeDigest {
  return digestCollaborative(collaborativeId, subjects, SHARED_PRIORITIES_SUBJECT);
}
