ALTER TABLE `collaborative_proposals` ADD `withdrawn_by` text REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `collaborative_proposals` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `collaborative_membership_requests` ADD `approval_la_code` integer;--> statement-breakpoint
ALTER TABLE `collaborative_membership_requests` ADD `la_approved_by` text REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `collaborative_membership_requests` ADD `la_approved_at` integer;--> statement-breakpoint
ALTER TABLE `collaborative_membership_requests` ADD `accepted_by` text REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `collaborative_membership_requests` ADD `accepted_at` integer;--> statement-breakpoint
CREATE INDEX `membership_requests_approval_la_idx` ON `collaborative_membership_requests` (`approval_la_code`,`status`);