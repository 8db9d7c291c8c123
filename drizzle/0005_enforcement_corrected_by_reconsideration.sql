ALTER TABLE "enforcement_case" ADD COLUMN "corrected_by_reconsideration" text;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD COLUMN "correction_kind" text;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD COLUMN "corrected_date" date;