ALTER TABLE "records" ADD COLUMN "digest_version" bigint;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "digest" text;