ALTER TABLE "documents" ADD COLUMN "title_cy" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "archived_at" bigint;