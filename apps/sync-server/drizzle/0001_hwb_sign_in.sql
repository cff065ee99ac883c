CREATE TABLE `external_identities` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`issuer` text NOT NULL,
	`tenant_id` text NOT NULL,
	`object_id` text NOT NULL,
	`vouched_address` text NOT NULL,
	`linked_at` integer NOT NULL,
	`last_sign_in_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_identities_subject` ON `external_identities` (`tenant_id`,`object_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `external_identities_person` ON `external_identities` (`person_id`);--> statement-breakpoint
CREATE TABLE `hwb_sessions` (
	`session_id_hash` text PRIMARY KEY NOT NULL,
	`identity_id` text NOT NULL,
	`id_token` text NOT NULL,
	FOREIGN KEY (`session_id_hash`) REFERENCES `sessions`(`id_hash`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`identity_id`) REFERENCES `external_identities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `hwb_sign_in_attempts` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`code_verifier` text NOT NULL,
	`nonce` text NOT NULL,
	`return_to` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hwb_sign_in_attempts_expires_idx` ON `hwb_sign_in_attempts` (`expires_at`);