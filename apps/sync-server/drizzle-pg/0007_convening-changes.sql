ALTER TABLE "collaborative_proposals" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "collaborative_proposals" ADD COLUMN "withdrawn_at" bigint;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD COLUMN "approval_la_code" bigint;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD COLUMN "la_approved_by" text;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD COLUMN "la_approved_at" bigint;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD COLUMN "accepted_by" text;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD COLUMN "accepted_at" bigint;--> statement-breakpoint
ALTER TABLE "collaborative_proposals" ADD CONSTRAINT "collaborative_proposals_withdrawn_by_people_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_la_approved_by_people_id_fk" FOREIGN KEY ("la_approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_accepted_by_people_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_requests_approval_la_idx" ON "collaborative_membership_requests" USING btree ("approval_la_code","status");