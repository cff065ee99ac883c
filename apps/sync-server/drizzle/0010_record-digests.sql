ALTER TABLE `records` ADD `digest_version` integer;--> statement-breakpoint
ALTER TABLE `records` ADD `digest` text;