CREATE TABLE `caseloads` (
	`facilitator_id` text NOT NULL,
	`school_id` text NOT NULL,
	`assigned_by` text,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`facilitator_id`, `school_id`)
);
--> statement-breakpoint
CREATE INDEX `caseloads_school` ON `caseloads` (`school_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`academic_year` integer NOT NULL,
	`previous_plan_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `plans_school` ON `plans` (`school_id`,`academic_year`);--> statement-breakpoint
CREATE TABLE `progress_reviews` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`plan_doc_id` text NOT NULL,
	`term` text NOT NULL,
	`half_term` integer NOT NULL,
	`support_level` text NOT NULL,
	`created_at` integer NOT NULL,
	`agreed_hash` text,
	`agreed_at` integer
);
--> statement-breakpoint
CREATE INDEX `progress_reviews_school` ON `progress_reviews` (`school_id`,`term`);--> statement-breakpoint
CREATE TABLE `review_confirmations` (
	`doc_id` text NOT NULL,
	`side` text NOT NULL,
	`person_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	PRIMARY KEY(`doc_id`, `side`)
);
--> statement-breakpoint
ALTER TABLE `records` ADD `revision` integer DEFAULT 0 NOT NULL;