import type { Bilingual } from '../domain/bilingual';

/** A broken structural rule. `rule` is the SPEC id; the message is shown to people as is. */
export interface Violation {
  rule: string;
  message: Bilingual;
  collaborativeId?: string;
  schoolId?: string;
}
