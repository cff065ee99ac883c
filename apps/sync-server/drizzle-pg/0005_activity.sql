CREATE TABLE "activity_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_id" text NOT NULL,
	"section_key" text NOT NULL,
	"label_cy" text NOT NULL,
	"label_en" text NOT NULL,
	"person_id" text,
	"first_at" bigint NOT NULL,
	"last_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_looks" (
	"doc_id" text NOT NULL,
	"person_id" text NOT NULL,
	"looked_at" bigint NOT NULL,
	CONSTRAINT "doc_looks_doc_id_person_id_pk" PRIMARY KEY("doc_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "doc_text" (
	"doc_id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"sections" text NOT NULL,
	"folded" text NOT NULL,
	"actions" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "doc_updates" ADD COLUMN "author" text;--> statement-breakpoint
CREATE INDEX "doc_changes_doc_idx" ON "doc_changes" USING btree ("doc_id","last_at");--> statement-breakpoint
CREATE INDEX "doc_changes_last_idx" ON "doc_changes" USING btree ("last_at");