CREATE TABLE "collaborative_proposal_decisions" (
	"proposal_id" text NOT NULL,
	"la_code" bigint NOT NULL,
	"decision" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" bigint NOT NULL,
	CONSTRAINT "collaborative_proposal_decisions_proposal_id_la_code_pk" PRIMARY KEY("proposal_id","la_code")
);
--> statement-breakpoint
CREATE TABLE "collaborative_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal" text NOT NULL,
	"la_codes" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" bigint NOT NULL,
	"collaborative_id" text
);
--> statement-breakpoint
CREATE TABLE "collaborative_membership_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"collaborative_id" text NOT NULL,
	"school_id" text NOT NULL,
	"event" text NOT NULL,
	"actor_person_id" text,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collaborative_membership_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"collaborative_id" text NOT NULL,
	"school_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" bigint NOT NULL,
	"answered_by" text,
	"answered_at" bigint
);
--> statement-breakpoint
ALTER TABLE "collaboratives" ADD COLUMN "purpose_cy" text;--> statement-breakpoint
ALTER TABLE "collaboratives" ADD COLUMN "purpose_en" text;--> statement-breakpoint
ALTER TABLE "collaborative_proposal_decisions" ADD CONSTRAINT "collaborative_proposal_decisions_proposal_id_collaborative_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."collaborative_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_proposal_decisions" ADD CONSTRAINT "collaborative_proposal_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_proposals" ADD CONSTRAINT "collaborative_proposals_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_proposals" ADD CONSTRAINT "collaborative_proposals_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_events" ADD CONSTRAINT "collaborative_membership_events_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_events" ADD CONSTRAINT "collaborative_membership_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_membership_requests" ADD CONSTRAINT "collaborative_membership_requests_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaborative_proposals_status_idx" ON "collaborative_proposals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "membership_events_collaborative_idx" ON "collaborative_membership_events" USING btree ("collaborative_id","at");--> statement-breakpoint
CREATE INDEX "membership_requests_school_idx" ON "collaborative_membership_requests" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "membership_requests_collaborative_idx" ON "collaborative_membership_requests" USING btree ("collaborative_id","status");