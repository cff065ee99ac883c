/**
 * The access layer's tables: the directory (LAs, schools, collaboratives, people, roles),
 * sign-in (sessions, invitations), the document registry (who owns which document, shares)
 * and the audit log. Document content lives in the sync core's tables, never here.
 *
 * Deliberately absent: pupil counts, learner records, attainment. The WG address list has a
 * pupils column; the import drops it (DOMAIN: no learner-level data, no LA aggregation).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`);

export const localAuthorities = sqliteTable('local_authorities', {
  /** The WG LA code, 660 (Isle of Anglesey) to 681. */
  code: integer('code').primaryKey(),
  nameCy: text('name_cy').notNull(),
  nameEn: text('name_en').notNull(),
  gssCode: text('gss_code').notNull(),
  regionCode: integer('region_code').notNull(),
  regionNameCy: text('region_name_cy').notNull(),
  regionNameEn: text('region_name_en').notNull(),
});

export const laPartnerships = sqliteTable('la_partnerships', {
  id: text('id').primaryKey(),
  /** 'operational' (shared services or staff) or 'time-limited' (sharing learning on a topic). */
  kind: text('kind', { enum: ['operational', 'time-limited'] }).notNull(),
  topicCy: text('topic_cy').notNull(),
  topicEn: text('topic_en').notNull(),
  /** ISO date; set for time-limited partnerships. */
  endDate: text('end_date'),
});

export const laPartnershipMembers = sqliteTable('la_partnership_members', {
  partnershipId: text('partnership_id').notNull().references(() => laPartnerships.id, { onDelete: 'cascade' }),
  laCode: integer('la_code').notNull().references(() => localAuthorities.code),
}, (t) => [primaryKey({ columns: [t.partnershipId, t.laCode] })]);

export const schools = sqliteTable('schools', {
  /** The WG school number (LA code + 4 digits), stable across imports. */
  id: text('id').primaryKey(),
  nameCy: text('name_cy').notNull(),
  nameEn: text('name_en').notNull(),
  /** The names exactly as the address list spelled them, kept for matching re-imports. */
  sourceNameCy: text('source_name_cy').notNull(),
  sourceNameEn: text('source_name_en').notNull(),
  laCode: integer('la_code').notNull().references(() => localAuthorities.code),
  /** The model's Setting: nursery, primary, secondary, all-age-3-16, all-age-3-19, special, pru, eotas. */
  setting: text('setting').notNull(),
  /** The model's LanguageCategory, and the WG code it was derived from. */
  languageCategory: text('language_category').notNull(),
  wgLanguageCode: text('wg_language_code').notNull(),
  religiousCharacter: text('religious_character').notNull(),
  postcode: text('postcode'),
  lat: real('lat'),
  lng: real('lng'),
}, (t) => [index('schools_la_idx').on(t.laCode)]);

export const collaboratives = sqliteTable('collaboratives', {
  id: text('id').primaryKey(),
  nameCy: text('name_cy').notNull(),
  nameEn: text('name_en').notNull(),
  /** What the schools mean to do together (set when a school leader proposed it). */
  purposeCy: text('purpose_cy'),
  purposeEn: text('purpose_en'),
  /** vertical or horizontal (every school should be in one of each). */
  kind: text('kind').notNull(),
  /** cluster, horizontal, sig, hub, triad, plc: the older structures are collaboratives too. */
  structure: text('structure').notNull(),
  sectorFocus: text('sector_focus'),
  partnershipId: text('partnership_id').references(() => laPartnerships.id),
  /** Made up by a fixture rather than agreed by real schools (demo data). */
  synthetic: integer('synthetic', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const collaborativeMembers = sqliteTable('collaborative_members', {
  collaborativeId: text('collaborative_id').notNull().references(() => collaboratives.id, { onDelete: 'cascade' }),
  schoolId: text('school_id').notNull().references(() => schools.id),
  joinedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.collaborativeId, t.schoolId] }), index('collaborative_members_school_idx').on(t.schoolId)]);

/** LA facilitators assigned to a collaborative (their LA role is in role_assignments). */
export const collaborativeFacilitators = sqliteTable('collaborative_facilitators', {
  collaborativeId: text('collaborative_id').notNull().references(() => collaboratives.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.collaborativeId, t.personId] })]);

export const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Stored lower-cased so that sign-in and invitations match however it was typed. */
  email: text('email').notNull().unique(),
  /** Null for people who sign in through an external identity provider (Hwb, later). */
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
});

export const roleAssignments = sqliteTable('role_assignments', {
  id: text('id').primaryKey(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /**
   * The model's Role. Scope follows the model's RoleAssignment: school roles (headteacher,
   * senior-leader, practitioner, governor) on a school, convenor on a collaborative, LA roles
   * (la-facilitator, la-officer) on an LA code (stored as text).
   */
  role: text('role').notNull(),
  scopeType: text('scope_type', { enum: ['school', 'collaborative', 'la'] }).notNull(),
  scopeId: text('scope_id').notNull(),
  createdAt: createdAt(),
  /**
   * Who granted the role (A65): the inviter whose invitation was accepted, or the LA officer
   * who named a convenor. Null for roles set up by the operator (seed, demo) or whose granter's
   * account is gone.
   */
  grantedBy: text('granted_by').references(() => people.id, { onDelete: 'set null' }),
  grantedAt: integer('granted_at', { mode: 'timestamp_ms' }),
}, (t) => [
  uniqueIndex('role_assignments_unique').on(t.personId, t.role, t.scopeType, t.scopeId),
  index('role_assignments_scope_idx').on(t.scopeType, t.scopeId),
]);

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the 256-bit cookie token: a leaked database cannot be replayed as cookies. */
  idHash: text('id_hash').primaryKey(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
}, (t) => [index('sessions_person_idx').on(t.personId), index('sessions_expires_idx').on(t.expiresAt)]);

export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  /** SHA-256 of the link token; the token itself is only ever in the link. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The collaborative the invitation came through; null for one from a school's access screen. */
  collaborativeId: text('collaborative_id').references(() => collaboratives.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  /** The one address whose account may accept (A67); null only on links made before A67. */
  email: text('email'),
  /** The school the invitee joins for (school roles); the school joins the collaborative on accept. */
  schoolId: text('school_id').references(() => schools.id),
  invitedBy: text('invited_by').notNull().references(() => people.id),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  usedBy: text('used_by').references(() => people.id),
  /**
   * A team invitation (G37): the peer review whose team it offers a place on, and that place.
   * For host staff `role` is the host-school role it also grants; for any other place `role`
   * repeats the team role and no school or LA role is granted.
   */
  documentId: text('document_id').references(() => documents.id, { onDelete: 'cascade' }),
  teamRole: text('team_role', { enum: ['lead-reviewer', 'reviewer', 'host-staff', 'facilitator'] }),
});

export const documents = sqliteTable('documents', {
  /** Matches DOC_ID_PATTERN: `<kind>:<random>`; the socket path is `/sync/<id>`. */
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  ownerType: text('owner_type', { enum: ['school', 'collaborative'] }).notNull(),
  ownerId: text('owner_id').notNull(),
  /** For a peer review: the reviewed school, which owns the write-up and decides who sees it. */
  hostSchoolId: text('host_school_id').references(() => schools.id),
  createdBy: text('created_by').references(() => people.id),
  createdAt: createdAt(),
  erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
  /** The title in each language once an owner renames it (A110); `title` stays the Welsh-first one. */
  titleCy: text('title_cy'),
  titleEn: text('title_en'),
  /** Set while an owner has it archived (A111): off the lists and read-only at the socket. */
  archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
}, (t) => [index('documents_owner_idx').on(t.ownerType, t.ownerId)]);

export const peerReviewReviewers = sqliteTable('peer_review_reviewers', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.documentId, t.personId] })]);

export const documentShares = sqliteTable('document_shares', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  /** Only the LA for now; the column leaves room for sharing with a collaborative later. */
  grantee: text('grantee', { enum: ['la'] }).notNull(),
  laCode: integer('la_code').notNull().references(() => localAuthorities.code),
  sharedBy: text('shared_by').notNull().references(() => people.id),
  sharedAt: integer('shared_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.grantee, t.laCode] })]);

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  actorPersonId: text('actor_person_id'),
  action: text('action', {
    enum: ['opened', 'shared', 'unshared', 'exported', 'erased', 'created', 'agreed', 'invited', 'joined', 'imported', 'removed', 'commented', 'resolved', 'signed-in', 'linked', 'sign-in-refused',
      'approved', 'published', 'confirmed', 'withdrawn', 'restored', 'added', 'staged', 'granted', 'revoked', 'renamed', 'archived', 'unarchived',
      'reopened', 'comment-edited', 'comment-deleted',
      'proposed', 'declined', 'requested', 'left'],
  }).notNull(),
  documentId: text('document_id'),
  /** Small JSON facts (format, role, counts). Never document text. */
  detail: text('detail', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
}, (t) => [index('audit_log_document_idx').on(t.documentId, t.at)]);
