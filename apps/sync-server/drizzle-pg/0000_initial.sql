CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor_person_id" text,
	"action" text NOT NULL,
	"document_id" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "caseloads" (
	"facilitator_id" text NOT NULL,
	"school_id" text NOT NULL,
	"assigned_by" text,
	"assigned_at" bigint NOT NULL,
	CONSTRAINT "caseloads_facilitator_id_school_id_pk" PRIMARY KEY("facilitator_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "collaborative_facilitators" (
	"collaborative_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "collaborative_facilitators_collaborative_id_person_id_pk" PRIMARY KEY("collaborative_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "collaborative_members" (
	"collaborative_id" text NOT NULL,
	"school_id" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL,
	CONSTRAINT "collaborative_members_collaborative_id_school_id_pk" PRIMARY KEY("collaborative_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "collaboratives" (
	"id" text PRIMARY KEY NOT NULL,
	"name_cy" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"structure" text NOT NULL,
	"sector_focus" text,
	"partnership_id" text,
	"synthetic" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"author_id" text NOT NULL,
	"anchor" text,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL,
	"resolved_at" bigint,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "doc_snapshots" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_shares" (
	"document_id" text NOT NULL,
	"grantee" text NOT NULL,
	"la_code" bigint NOT NULL,
	"shared_by" text NOT NULL,
	"shared_at" bigint NOT NULL,
	CONSTRAINT "document_shares_document_id_grantee_la_code_pk" PRIMARY KEY("document_id","grantee","la_code")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"host_school_id" text,
	"created_by" text,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"erased_at" bigint
);
--> statement-breakpoint
CREATE TABLE "external_identities" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"issuer" text NOT NULL,
	"tenant_id" text NOT NULL,
	"object_id" text NOT NULL,
	"vouched_address" text NOT NULL,
	"linked_at" bigint NOT NULL,
	"last_sign_in_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hwb_sessions" (
	"session_id_hash" text PRIMARY KEY NOT NULL,
	"identity_id" text NOT NULL,
	"id_token" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hwb_sign_in_attempts" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"collaborative_id" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"school_id" text,
	"invited_by" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"used_by" text,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "la_partnership_members" (
	"partnership_id" text NOT NULL,
	"la_code" bigint NOT NULL,
	CONSTRAINT "la_partnership_members_partnership_id_la_code_pk" PRIMARY KEY("partnership_id","la_code")
);
--> statement-breakpoint
CREATE TABLE "la_partnerships" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"topic_cy" text NOT NULL,
	"topic_en" text NOT NULL,
	"end_date" text
);
--> statement-breakpoint
CREATE TABLE "local_authorities" (
	"code" bigint PRIMARY KEY NOT NULL,
	"name_cy" text NOT NULL,
	"name_en" text NOT NULL,
	"gss_code" text NOT NULL,
	"region_code" bigint NOT NULL,
	"region_name_cy" text NOT NULL,
	"region_name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_review_reviewers" (
	"document_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "peer_review_reviewers_document_id_person_id_pk" PRIMARY KEY("document_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL,
	CONSTRAINT "people_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"academic_year" bigint NOT NULL,
	"previous_plan_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reviews" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"plan_doc_id" text NOT NULL,
	"term" text NOT NULL,
	"half_term" bigint NOT NULL,
	"support_level" text NOT NULL,
	"created_at" bigint NOT NULL,
	"agreed_hash" text,
	"agreed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "records" (
	"owner_key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"updated_at" bigint NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_confirmations" (
	"doc_id" text NOT NULL,
	"side" text NOT NULL,
	"person_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"confirmed_at" bigint NOT NULL,
	CONSTRAINT "review_confirmations_doc_id_side_pk" PRIMARY KEY("doc_id","side")
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" text PRIMARY KEY NOT NULL,
	"name_cy" text NOT NULL,
	"name_en" text NOT NULL,
	"source_name_cy" text NOT NULL,
	"source_name_en" text NOT NULL,
	"la_code" bigint NOT NULL,
	"setting" text NOT NULL,
	"language_category" text NOT NULL,
	"wg_language_code" text NOT NULL,
	"religious_character" text NOT NULL,
	"postcode" text,
	"lat" double precision,
	"lng" double precision
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaborative_facilitators" ADD CONSTRAINT "collaborative_facilitators_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_facilitators" ADD CONSTRAINT "collaborative_facilitators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboratives" ADD CONSTRAINT "collaboratives_partnership_id_la_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."la_partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_people_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_shared_by_people_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_host_school_id_schools_id_fk" FOREIGN KEY ("host_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hwb_sessions" ADD CONSTRAINT "hwb_sessions_session_id_hash_sessions_id_hash_fk" FOREIGN KEY ("session_id_hash") REFERENCES "public"."sessions"("id_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hwb_sessions" ADD CONSTRAINT "hwb_sessions_identity_id_external_identities_id_fk" FOREIGN KEY ("identity_id") REFERENCES "public"."external_identities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_used_by_people_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_members" ADD CONSTRAINT "la_partnership_members_partnership_id_la_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."la_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_members" ADD CONSTRAINT "la_partnership_members_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_reviewers" ADD CONSTRAINT "peer_review_reviewers_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_reviewers" ADD CONSTRAINT "peer_review_reviewers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_document_idx" ON "audit_log" USING btree ("document_id","at");--> statement-breakpoint
CREATE INDEX "caseloads_school" ON "caseloads" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "collaborative_members_school_idx" ON "collaborative_members" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "comments_document_idx" ON "comments" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_updates_doc_seq" ON "doc_updates" USING btree ("doc_id","seq");--> statement-breakpoint
CREATE INDEX "doc_updates_created_at" ON "doc_updates" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "documents_owner_idx" ON "documents" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_identities_subject" ON "external_identities" USING btree ("tenant_id","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_identities_person" ON "external_identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "hwb_sign_in_attempts_expires_idx" ON "hwb_sign_in_attempts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "plans_school" ON "plans" USING btree ("school_id","academic_year");--> statement-breakpoint
CREATE INDEX "progress_reviews_school" ON "progress_reviews" USING btree ("school_id","term");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_unique" ON "role_assignments" USING btree ("person_id","role","scope_type","scope_id");--> statement-breakpoint
CREATE INDEX "role_assignments_scope_idx" ON "role_assignments" USING btree ("scope_type","scope_id");--> statement-breakpoint
CREATE INDEX "schools_la_idx" ON "schools" USING btree ("la_code");--> statement-breakpoint
CREATE INDEX "sessions_person_idx" ON "sessions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");