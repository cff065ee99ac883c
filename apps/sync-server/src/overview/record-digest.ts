/**
 * O34: the LA picture's digest of a record, saved with every agreement: a school's
 * `schoolRecordDigest` (every approved plan, confirmed review, brokered support and the support
 * level, whatever the day) or a collaborative's agreed priorities. `version` changes whenever
 * what is kept changes, and every stored digest of an older format is then computed again (O35).
 */
import type { CollaborativeDigest, SchoolRecordDigest } from '@cydweithio/model/rules/agreedDigest';
import { schoolRecordDigest } from '@cydweithio/model/rules/agreedDigest';
import type { RecordDigester } from '../records/record-store';
import { agreedCollaborativePriorities } from './collaborative-priorities';

export type PictureDigest = { school: SchoolRecordDigest } | { collaborative: CollaborativeDigest } | { other: true };

export const laPictureDigester: RecordDigester = {
  version: 1,
  of(ownerKey, subjects) {
    const [type, id = ''] = [ownerKey.slice(0, ownerKey.indexOf(':')), ownerKey.slice(ownerKey.indexOf(':') + 1)];
    const digest: PictureDigest = type === 'school' ? { school: schoolRecordDigest(subjects) }
      : type === 'collaborative' ? { collaborative: agreedCollaborativePriorities(id, subjects) }
        : { other: true };
    return JSON.stringify(digest);
  },
};

/** A stored digest read back: written by `laPictureDigester` in this format (the version says so). */
export const readPictureDigest = (body: string): PictureDigest => JSON.parse(body) as PictureDigest;
