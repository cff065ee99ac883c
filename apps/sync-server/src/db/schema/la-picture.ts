/**
 * The LA's own facts for its local improvement picture (OVERVIEW.md O13-O20): its settings, its
 * theme tags, the tags on owners' agreed items, and the continuum's placements (one row per
 * decision, so the history is the rows). What schools agreed stays in their records.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const laSettings = sqliteTable('la_settings', {
  laCode: integer('la_code').primaryKey(),
  /** MinimumDays as JSON; absent rows mean the defaults. */
  minimumDays: text('minimum_days').notNull(),
  /** ContinuumArea[] as JSON. */
  continuumAreas: text('continuum_areas').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const laThemeTags = sqliteTable('la_theme_tags', {
  laCode: integer('la_code').notNull(),
  id: text('id').notNull(),
  labelCy: text('label_cy').notNull(),
  labelEn: text('label_en').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.laCode, t.id] })]);

export const itemThemes = sqliteTable('item_themes', {
  ownerKey: text('owner_key').notNull(),
  itemId: text('item_id').notNull(),
  /** The tag ids as JSON (they are the LA's, so one item's tags are read together). */
  tagIds: text('tag_ids').notNull(),
  taggedBy: text('tagged_by').notNull(),
  taggedAt: integer('tagged_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.ownerKey, t.itemId] })]);

export const continuumPlacements = sqliteTable('continuum_placements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  laCode: integer('la_code').notNull(),
  schoolId: text('school_id').notNull(),
  areaId: text('area_id').notNull(),
  placement: text('placement', { enum: ['leading', 'improving', 'needs-intensive-support'] }).notNull(),
  decidedOn: text('decided_on').notNull(),
  note: text('note').notNull(),
  decidedBy: text('decided_by').notNull(),
  decidedByName: text('decided_by_name').notNull(),
  recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('continuum_school').on(t.laCode, t.schoolId)]);
