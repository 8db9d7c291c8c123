ALTER TABLE "enforcement_case" ADD COLUMN "statement_days" integer;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD COLUMN "waiver_date" date;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD COLUMN "waiver_scope" text;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD COLUMN "waiver_note" text;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD COLUMN "signer_cert_no" text;