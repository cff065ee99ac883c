import { z } from 'zod';
import { Bilingual } from './bilingual';
import { Area, continuumPlacements, supportSources } from './improvement';
import { LaCode } from './localAuthority';
import { SchoolId, settings } from './school';

/**
 * The LA's local improvement picture (apps/sync-server/OVERVIEW.md): the LA's theme tags, its
 * settings (minimum facilitator days per setting, the continuum's areas of focus), brokered
 * support recorded against a priority, and the continuum's placements. Narrative, days and
 * labels only: nothing here can hold a learner or a measure of one (M9, walked by M26).
 */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = z.string().max(4_000);
const TagId = z.string().regex(/^[a-z0-9-]{1,48}$/);

/** A theme the LA keeps (M26): schools and convenors tag their priorities with it. */
export const ThemeTag = z.object({
  id: TagId,
  laCode: LaCode,
  label: Bilingual.extend({ cy: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }),
});
export type ThemeTag = z.infer<typeof ThemeTag>;

/** Which item of an owner's agreed record (a priority, a strength, a need) carries which tags. */
export const ItemThemes = z.object({
  ownerKey: z.string().min(1).max(80),
  itemId: z.string().min(1).max(64),
  tagIds: z.array(TagId).max(12),
});
export type ItemThemes = z.infer<typeof ItemThemes>;

/**
 * M27: the minimum facilitator days a year by setting. An LA's settings, not rules: the guidance
 * says support is not fixed by time allocations, so these only flag a school on LA-only screens.
 * Defaults are the 2021 regional model's.
 */
export const MinimumDays = z.object(Object.fromEntries(settings.map((s) => [s, z.number().nonnegative().max(100)])) as Record<(typeof settings)[number], z.ZodNumber>);
export type MinimumDays = z.infer<typeof MinimumDays>;

export const defaultMinimumDays: MinimumDays = {
  nursery: 7, primary: 7, special: 10, pru: 10, eotas: 10, secondary: 10, 'all-age-3-16': 16, 'all-age-3-19': 16,
};

/** An area of focus of the LA's continuum (M29): the LA's own, not the self-evaluation areas. */
export const ContinuumArea = z.object({ id: TagId, label: Bilingual.extend({ cy: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }) });
export type ContinuumArea = z.infer<typeof ContinuumArea>;

export const defaultContinuumAreas: ContinuumArea[] = [
  { id: 'leadership-capacity', label: { cy: 'Capasiti arwain', en: 'Leadership capacity' } },
  { id: 'curriculum-design', label: { cy: 'Cynllunio’r cwricwlwm', en: 'Curriculum design' } },
  { id: 'learning-culture', label: { cy: 'Diwylliant dysgu', en: 'Learning culture' } },
  { id: 'behaviour', label: { cy: 'Ymddygiad', en: 'Behaviour' } },
];

export const LaSettings = z.object({
  laCode: LaCode,
  minimumDays: MinimumDays,
  continuumAreas: z.array(ContinuumArea).min(1).max(12),
});
export type LaSettings = z.infer<typeof LaSettings>;

/**
 * M28: support brokered by a facilitator (often a match: a school's strength for another's
 * need), agreed into the receiving school's record as subject `brokered:<id>`, against the
 * priority it serves. A later version records the days used and the impact.
 */
export const BrokeredSupport = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  schoolId: SchoolId,
  priorityId: z.string().min(1).max(64),
  area: Area,
  source: z.enum(supportSources),
  /** The school giving the support, when it is a school ('' otherwise). */
  providerSchoolId: z.union([SchoolId, z.literal('')]),
  provider: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(2_000),
  daysPlanned: z.number().nonnegative().max(365),
  daysUsed: z.number().nonnegative().max(365),
  impact: Text,
  /** The strength it was matched from (`<ownerKey>#<itemId>`), when brokered from the list. */
  matchedFrom: z.string().max(160),
  recordedBy: z.string().min(1),
  recordedByName: z.string().min(1),
});
export type BrokeredSupport = z.infer<typeof BrokeredSupport>;

/** M29: one placement of one school in one area of focus, as decided; the rows are its history. */
export const ContinuumEntry = z.object({
  schoolId: SchoolId,
  laCode: LaCode,
  areaId: TagId,
  placement: z.enum(continuumPlacements),
  decidedOn: IsoDate,
  note: Text,
  decidedBy: z.string().min(1),
  decidedByName: z.string().min(1),
});
export type ContinuumEntry = z.infer<typeof ContinuumEntry>;

export const brokeredSubject = (id: string): string => `brokered:${id}`;
export const isBrokeredSubject = (subject: string): boolean => subject.startsWith('brokered:');
