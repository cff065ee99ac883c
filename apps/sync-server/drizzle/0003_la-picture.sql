CREATE TABLE `continuum_placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`la_code` integer NOT NULL,
	`school_id` text NOT NULL,
	`area_id` text NOT NULL,
	`placement` text NOT NULL,
	`decided_on` text NOT NULL,
	`note` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `continuum_school` ON `continuum_placements` (`la_code`,`school_id`);--> statement-breakpoint
CREATE TABLE `item_themes` (
	`owner_key` text NOT NULL,
	`item_id` text NOT NULL,
	`tag_ids` text NOT NULL,
	`tagged_by` text NOT NULL,
	`tagged_at` integer NOT NULL,
	PRIMARY KEY(`owner_key`, `item_id`)
);
--> statement-breakpoint
CREATE TABLE `la_settings` (
	`la_code` integer PRIMARY KEY NOT NULL,
	`minimum_days` text NOT NULL,
	`continuum_areas` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `la_theme_tags` (
	`la_code` integer NOT NULL,
	`id` text NOT NULL,
	`label_cy` text NOT NULL,
	`label_en` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`la_code`, `id`)
);
