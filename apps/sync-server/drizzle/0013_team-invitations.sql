ALTER TABLE `invitations` ADD `document_id` text REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE `invitations` ADD `team_role` text;