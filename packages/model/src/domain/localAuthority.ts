import { z } from 'zod';
import { Bilingual } from './bilingual';

/** Welsh Government local authority codes: the 22 LAs are numbered 660 to 681. */
export const LaCode = z.number().int().min(660).max(681);
export type LaCode = z.infer<typeof LaCode>;

export const LocalAuthority = z.object({
  code: LaCode,
  name: Bilingual,
  /** ONS GSS code (W06...), used to join other public datasets. */
  gssCode: z.string().regex(/^W06\d{6}$/),
  region: z.object({ code: z.number().int().min(901).max(904), name: Bilingual }),
});
export type LocalAuthority = z.infer<typeof LocalAuthority>;

export const partnershipKinds = ['operational', 'time-limited'] as const;
export const PartnershipKind = z.enum(partnershipKinds);
export type PartnershipKind = z.infer<typeof PartnershipKind>;

/**
 * A voluntary partnership of LAs (2024 guidance): operational (shared services or staff) or
 * time-limited (sharing learning on a topic), so a time-limited one must say when it ends (M10).
 */
export const LaPartnership = z
  .object({
    id: z.string().min(1),
    kind: PartnershipKind,
    laCodes: z.array(LaCode).min(2),
    topic: Bilingual,
    /** ISO date (YYYY-MM-DD); required for time-limited partnerships. */
    endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .refine((p) => p.kind !== 'time-limited' || p.endDate !== undefined, {
    message: 'M10: a time-limited partnership states its end date',
    path: ['endDate'],
  })
  .refine((p) => new Set(p.laCodes).size === p.laCodes.length, {
    message: 'M10: an LA is not a partner twice',
    path: ['laCodes'],
  });
export type LaPartnership = z.infer<typeof LaPartnership>;
