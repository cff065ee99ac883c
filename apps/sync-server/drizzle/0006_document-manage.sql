ALTER TABLE `documents` ADD `title_cy` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `title_en` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `archived_at` integer;