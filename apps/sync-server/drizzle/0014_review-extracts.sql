CREATE TABLE `review_extracts` (
	`document_id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`collaborative_id` text NOT NULL,
	`published_by` text NOT NULL,
	`published_at` integer NOT NULL,
	`refreshed_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_extracts_review_collaborative` ON `review_extracts` (`review_id`,`collaborative_id`);