CREATE TABLE `collaborative_proposal_decisions` (
	`proposal_id` text NOT NULL,
	`la_code` integer NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `la_code`),
	FOREIGN KEY (`proposal_id`) REFERENCES `collaborative_proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `collaborative_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`proposal` text NOT NULL,
	`la_codes` text NOT NULL,
	`status` text NOT NULL,
	`proposed_by` text NOT NULL,
	`proposed_at` integer NOT NULL,
	`collaborative_id` text,
	FOREIGN KEY (`proposed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `collaborative_proposals_status_idx` ON `collaborative_proposals` (`status`);--> statement-breakpoint
CREATE TABLE `collaborative_membership_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaborative_id` text NOT NULL,
	`school_id` text NOT NULL,
	`event` text NOT NULL,
	`actor_person_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `membership_events_collaborative_idx` ON `collaborative_membership_events` (`collaborative_id`,`at`);--> statement-breakpoint
CREATE TABLE `collaborative_membership_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`collaborative_id` text NOT NULL,
	`school_id` text NOT NULL,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`answered_by` text,
	`answered_at` integer,
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `membership_requests_school_idx` ON `collaborative_membership_requests` (`school_id`,`status`);--> statement-breakpoint
CREATE INDEX `membership_requests_collaborative_idx` ON `collaborative_membership_requests` (`collaborative_id`,`status`);--> statement-breakpoint
ALTER TABLE `collaboratives` ADD `purpose_cy` text;--> statement-breakpoint
ALTER TABLE `collaboratives` ADD `purpose_en` text;