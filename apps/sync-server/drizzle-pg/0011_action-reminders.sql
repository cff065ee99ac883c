CREATE TABLE "action_reminders" (
	"notification_id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"action_id" text NOT NULL,
	"flag" text NOT NULL,
	"due" text NOT NULL,
	"person_id" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_reminders" ADD CONSTRAINT "action_reminders_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reminders" ADD CONSTRAINT "action_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_reminders_key" ON "action_reminders" USING btree ("document_id","action_id","flag","due","person_id");