CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`author_id` text NOT NULL,
	`anchor` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_document_idx` ON `comments` (`document_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_person_id` text,
	`action` text NOT NULL,
	`document_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_document_idx` ON `audit_log` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `collaborative_facilitators` (
	`collaborative_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`collaborative_id`, `person_id`),
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `collaborative_members` (
	`collaborative_id` text NOT NULL,
	`school_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`collaborative_id`, `school_id`),
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `collaborative_members_school_idx` ON `collaborative_members` (`school_id`);--> statement-breakpoint
CREATE TABLE `collaboratives` (
	`id` text PRIMARY KEY NOT NULL,
	`name_cy` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`structure` text NOT NULL,
	`sector_focus` text,
	`partnership_id` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `la_partnerships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_shares` (
	`document_id` text NOT NULL,
	`grantee` text NOT NULL,
	`la_code` integer NOT NULL,
	`shared_by` text NOT NULL,
	`shared_at` integer NOT NULL,
	PRIMARY KEY(`document_id`, `grantee`, `la_code`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`host_school_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`erased_at` integer,
	FOREIGN KEY (`host_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_owner_idx` ON `documents` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`collaborative_id` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`school_id` text,
	`invited_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by` text,
	FOREIGN KEY (`collaborative_id`) REFERENCES `collaboratives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `la_partnership_members` (
	`partnership_id` text NOT NULL,
	`la_code` integer NOT NULL,
	PRIMARY KEY(`partnership_id`, `la_code`),
	FOREIGN KEY (`partnership_id`) REFERENCES `la_partnerships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `la_partnerships` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`topic_cy` text NOT NULL,
	`topic_en` text NOT NULL,
	`end_date` text
);
--> statement-breakpoint
CREATE TABLE `local_authorities` (
	`code` integer PRIMARY KEY NOT NULL,
	`name_cy` text NOT NULL,
	`name_en` text NOT NULL,
	`gss_code` text NOT NULL,
	`region_code` integer NOT NULL,
	`region_name_cy` text NOT NULL,
	`region_name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `peer_review_reviewers` (
	`document_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`document_id`, `person_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (`email`);--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`scope_type` text NOT NULL,
	`scope_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `role_assignments_unique` ON `role_assignments` (`person_id`,`role`,`scope_type`,`scope_id`);--> statement-breakpoint
CREATE INDEX `role_assignments_scope_idx` ON `role_assignments` (`scope_type`,`scope_id`);--> statement-breakpoint
CREATE TABLE `schools` (
	`id` text PRIMARY KEY NOT NULL,
	`name_cy` text NOT NULL,
	`name_en` text NOT NULL,
	`source_name_cy` text NOT NULL,
	`source_name_en` text NOT NULL,
	`la_code` integer NOT NULL,
	`setting` text NOT NULL,
	`language_category` text NOT NULL,
	`wg_language_code` text NOT NULL,
	`religious_character` text NOT NULL,
	`postcode` text,
	`lat` real,
	`lng` real,
	FOREIGN KEY (`la_code`) REFERENCES `local_authorities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schools_la_idx` ON `schools` (`la_code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_person_idx` ON `sessions` (`person_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `doc_snapshots` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `doc_updates_doc_seq` ON `doc_updates` (`doc_id`,`seq`);--> statement-breakpoint
CREATE INDEX `doc_updates_created_at` ON `doc_updates` (`created_at`);--> statement-breakpoint
CREATE TABLE `records` (
	`owner_key` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`updated_at` integer NOT NULL
);
