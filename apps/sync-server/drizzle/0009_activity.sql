CREATE TABLE `activity_cursor` (
	`name` text PRIMARY KEY NOT NULL,
	`last_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `doc_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` text NOT NULL,
	`section_key` text NOT NULL,
	`label_cy` text NOT NULL,
	`label_en` text NOT NULL,
	`person_id` text,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_changes_doc_idx` ON `doc_changes` (`doc_id`,`last_at`);--> statement-breakpoint
CREATE INDEX `doc_changes_last_idx` ON `doc_changes` (`last_at`);--> statement-breakpoint
CREATE TABLE `doc_looks` (
	`doc_id` text NOT NULL,
	`person_id` text NOT NULL,
	`looked_at` integer NOT NULL,
	PRIMARY KEY(`doc_id`, `person_id`)
);
--> statement-breakpoint
CREATE TABLE `doc_text` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`sections` text NOT NULL,
	`folded` text NOT NULL,
	`actions` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `doc_updates` ADD `author` text;