ALTER TABLE "invitations" ADD COLUMN "document_id" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "team_role" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;