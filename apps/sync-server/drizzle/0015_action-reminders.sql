CREATE TABLE `action_reminders` (
	`notification_id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`action_id` text NOT NULL,
	`flag` text NOT NULL,
	`due` text NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_reminders_key` ON `action_reminders` (`document_id`,`action_id`,`flag`,`due`,`person_id`);