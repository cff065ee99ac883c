CREATE TABLE "continuum_placements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"la_code" bigint NOT NULL,
	"school_id" text NOT NULL,
	"area_id" text NOT NULL,
	"placement" text NOT NULL,
	"decided_on" text NOT NULL,
	"note" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_name" text NOT NULL,
	"recorded_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_themes" (
	"owner_key" text NOT NULL,
	"item_id" text NOT NULL,
	"tag_ids" text NOT NULL,
	"tagged_by" text NOT NULL,
	"tagged_at" bigint NOT NULL,
	CONSTRAINT "item_themes_owner_key_item_id_pk" PRIMARY KEY("owner_key","item_id")
);
--> statement-breakpoint
CREATE TABLE "la_settings" (
	"la_code" bigint PRIMARY KEY NOT NULL,
	"minimum_days" text NOT NULL,
	"continuum_areas" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_theme_tags" (
	"la_code" bigint NOT NULL,
	"id" text NOT NULL,
	"label_cy" text NOT NULL,
	"label_en" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "la_theme_tags_la_code_id_pk" PRIMARY KEY("la_code","id")
);
--> statement-breakpoint
CREATE TABLE "peer_review_lifecycle" (
	"document_id" text PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"retain_until" text,
	"changed_by" text NOT NULL,
	"changed_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_review_shares" (
	"document_id" text NOT NULL,
	"grantee_type" text NOT NULL,
	"grantee_id" text NOT NULL,
	"shared_by" text NOT NULL,
	"shared_at" bigint NOT NULL,
	CONSTRAINT "peer_review_shares_document_id_grantee_type_grantee_id_pk" PRIMARY KEY("document_id","grantee_type","grantee_id")
);
--> statement-breakpoint
CREATE TABLE "peer_review_team" (
	"document_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" bigint NOT NULL,
	CONSTRAINT "peer_review_team_document_id_person_id_pk" PRIMARY KEY("document_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "collaborative_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "granted_by" text;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "granted_at" bigint;--> statement-breakpoint
ALTER TABLE "peer_review_lifecycle" ADD CONSTRAINT "peer_review_lifecycle_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_lifecycle" ADD CONSTRAINT "peer_review_lifecycle_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_shares" ADD CONSTRAINT "peer_review_shares_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_shares" ADD CONSTRAINT "peer_review_shares_shared_by_people_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_team" ADD CONSTRAINT "peer_review_team_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_team" ADD CONSTRAINT "peer_review_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_team" ADD CONSTRAINT "peer_review_team_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "continuum_school" ON "continuum_placements" USING btree ("la_code","school_id");--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_people_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;