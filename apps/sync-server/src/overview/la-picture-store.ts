/**
 * The LA's own facts (OVERVIEW.md O13-O20): settings, theme tags, the tags on agreed items, the
 * continuum's placements and the LA partnerships. Every query runs through `Sql`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ContinuumEntry, ItemThemes, LaSettings, ThemeTag } from '@cydweithio/model/domain/laPicture';
import { ContinuumArea, defaultContinuumAreas, defaultMinimumDays, MinimumDays } from '@cydweithio/model/domain/laPicture';
import type { LaPartnership } from '@cydweithio/model/domain/localAuthority';
import { z } from 'zod';
import type { Clock } from '../access/context';
import { caseloads } from '../db/schema/cycle';
import { laPartnershipMembers, laPartnerships } from '../db/schema/directory';
import { continuumPlacements, itemThemes, laSettings, laThemeTags } from '../db/schema/la-picture';
import type { Sql } from '../db/sql';

const TagIds = z.array(z.string());

export interface PlacementRow extends ContinuumEntry { id: number; recordedAt: string }

export class LaPictureStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /** O14: an LA's settings; the defaults (2021 regional model, four areas of focus) until it sets its own. */
  async settings(laCode: number): Promise<LaSettings> {
    const row = await this.sql.one((db) => db.select().from(laSettings).where(eq(laSettings.laCode, laCode)));
    if (!row) return { laCode, minimumDays: { ...defaultMinimumDays }, continuumAreas: defaultContinuumAreas.map((a) => ({ ...a, label: { ...a.label } })) };
    return { laCode, minimumDays: MinimumDays.parse(JSON.parse(row.minimumDays)), continuumAreas: z.array(ContinuumArea).parse(JSON.parse(row.continuumAreas)) };
  }

  async saveSettings(settings: LaSettings, by: string): Promise<void> {
    const values = { minimumDays: JSON.stringify(settings.minimumDays), continuumAreas: JSON.stringify(settings.continuumAreas), updatedBy: by, updatedAt: new Date(this.clock()) };
    await this.sql.run((db) => db.insert(laSettings).values({ laCode: settings.laCode, ...values }).onConflictDoUpdate({ target: laSettings.laCode, set: values }));
  }

  async tags(laCodes: readonly number[]): Promise<ThemeTag[]> {
    if (laCodes.length === 0) return [];
    const rows = await this.sql.all((db) => db.select().from(laThemeTags).where(inArray(laThemeTags.laCode, [...laCodes])).orderBy(asc(laThemeTags.laCode), asc(laThemeTags.id)));
    return rows.map((r) => ({ id: r.id, laCode: r.laCode, label: { cy: r.labelCy, en: r.labelEn } }));
  }

  /** False when the LA already has a tag with this id. */
  async addTag(tag: ThemeTag, by: string): Promise<boolean> {
    const changed = await this.sql.run((db) => db.insert(laThemeTags).values({
      laCode: tag.laCode, id: tag.id, labelCy: tag.label.cy, labelEn: tag.label.en, createdBy: by, createdAt: new Date(this.clock()),
    }).onConflictDoNothing());
    return changed > 0;
  }

  async removeTag(laCode: number, id: string): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(laThemeTags).where(and(eq(laThemeTags.laCode, laCode), eq(laThemeTags.id, id))))) > 0;
  }

  /** Every item's tags (the tags of several LAs may sit on one collaborative's item). */
  async itemThemes(ownerKeys?: readonly string[]): Promise<ItemThemes[]> {
    const rows = await this.sql.all((db) => {
      const q = db.select({ ownerKey: itemThemes.ownerKey, itemId: itemThemes.itemId, tagIds: itemThemes.tagIds }).from(itemThemes);
      return ownerKeys === undefined ? q : q.where(inArray(itemThemes.ownerKey, [...ownerKeys]));
    });
    return rows.map((r) => ({ ownerKey: r.ownerKey, itemId: r.itemId, tagIds: TagIds.parse(JSON.parse(r.tagIds)) }));
  }

  async setItemThemes(themes: ItemThemes, by: string): Promise<void> {
    if (themes.tagIds.length === 0) {
      await this.sql.run((db) => db.delete(itemThemes).where(and(eq(itemThemes.ownerKey, themes.ownerKey), eq(itemThemes.itemId, themes.itemId))));
      return;
    }
    const values = { tagIds: JSON.stringify([...new Set(themes.tagIds)].sort()), taggedBy: by, taggedAt: new Date(this.clock()) };
    await this.sql.run((db) => db.insert(itemThemes).values({ ownerKey: themes.ownerKey, itemId: themes.itemId, ...values })
      .onConflictDoUpdate({ target: [itemThemes.ownerKey, itemThemes.itemId], set: values }));
  }

  /** O19: the continuum's decisions of an LA, oldest first: the newest per school and area is the placement. */
  async placements(laCode: number): Promise<PlacementRow[]> {
    const rows = await this.sql.all((db) => db.select().from(continuumPlacements).where(eq(continuumPlacements.laCode, laCode)).orderBy(asc(continuumPlacements.id)));
    return rows.map((r) => ({
      id: r.id, laCode: r.laCode, schoolId: r.schoolId, areaId: r.areaId, placement: r.placement, decidedOn: r.decidedOn, note: r.note,
      decidedBy: r.decidedBy, decidedByName: r.decidedByName, recordedAt: r.recordedAt.toISOString(),
    }));
  }

  async addPlacement(entry: ContinuumEntry): Promise<void> {
    await this.sql.run((db) => db.insert(continuumPlacements).values({ ...entry, recordedAt: new Date(this.clock()) }));
  }

  /** O21: the schools in each of these facilitators' caseloads, in school-number order. */
  async caseloadsOf(facilitatorIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map(facilitatorIds.map((id) => [id, [] as string[]]));
    if (facilitatorIds.length === 0) return out;
    const rows = await this.sql.all((db) => db.select({ facilitatorId: caseloads.facilitatorId, schoolId: caseloads.schoolId }).from(caseloads)
      .where(inArray(caseloads.facilitatorId, [...facilitatorIds])).orderBy(asc(caseloads.schoolId)));
    for (const r of rows) out.get(r.facilitatorId)?.push(r.schoolId);
    return out;
  }

  async unassign(facilitatorId: string, schoolId: string): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(caseloads).where(and(eq(caseloads.facilitatorId, facilitatorId), eq(caseloads.schoolId, schoolId))))) > 0;
  }

  async partnerships(): Promise<LaPartnership[]> {
    const [rows, members] = await Promise.all([
      this.sql.all((db) => db.select().from(laPartnerships).orderBy(asc(laPartnerships.id))),
      this.sql.all((db) => db.select().from(laPartnershipMembers).orderBy(asc(laPartnershipMembers.laCode))),
    ]);
    return rows.map((r) => ({
      id: r.id, kind: r.kind, topic: { cy: r.topicCy, en: r.topicEn }, laCodes: members.filter((m) => m.partnershipId === r.id).map((m) => m.laCode),
      ...(r.endDate ? { endDate: r.endDate } : {}),
    }));
  }
}
