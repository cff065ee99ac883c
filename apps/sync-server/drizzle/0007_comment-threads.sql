CREATE TABLE `comment_mentions` (
	`comment_id` text NOT NULL,
	`person_id` text NOT NULL,
	`document_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `person_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_mentions_person_idx` ON `comment_mentions` (`person_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `parent_id` text REFERENCES comments(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `range_start` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `range_end` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `quote` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `edited_at` integer;