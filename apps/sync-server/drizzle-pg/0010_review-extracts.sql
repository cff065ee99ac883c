CREATE TABLE "review_extracts" (
	"document_id" text PRIMARY KEY NOT NULL,
	"review_id" text NOT NULL,
	"collaborative_id" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" bigint NOT NULL,
	"refreshed_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_extracts" ADD CONSTRAINT "review_extracts_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_extracts" ADD CONSTRAINT "review_extracts_review_id_documents_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_extracts" ADD CONSTRAINT "review_extracts_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_extracts_review_collaborative" ON "review_extracts" USING btree ("review_id","collaborative_id");