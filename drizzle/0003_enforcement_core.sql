CREATE TABLE "enforcement_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"item_id" integer,
	"case_no" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"party_name" text NOT NULL,
	"party_kind" text NOT NULL,
	"enterprise_related" boolean DEFAULT false NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"filed_date" date NOT NULL,
	"decided_date" date,
	"closed_date" date,
	"status" text NOT NULL,
	"benchmark_id" integer,
	"fine_fen" bigint,
	"discretion_outside" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discretion_benchmark" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"circumstance" text NOT NULL,
	"level" text NOT NULL,
	"fine_min_fen" bigint,
	"fine_max_fen" bigint,
	"measures" text,
	"made_by" text NOT NULL,
	"made_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"abolished_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_body" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"legal_basis" text NOT NULL,
	"entrusting_org_id" integer,
	"entrust_scope" text,
	"entrust_from" date,
	"entrust_until" date,
	"status" text DEFAULT 'active' NOT NULL,
	"confirmed_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_certificate" (
	"id" serial PRIMARY KEY NOT NULL,
	"officer_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"cert_no" text NOT NULL,
	"issued_date" date NOT NULL,
	"expires_date" date,
	"status" text DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"status_date" date,
	"last_review_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"legal_basis" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"abolished_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_officer" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"post" text,
	"is_legal_reviewer" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_benchmark_id_discretion_benchmark_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."discretion_benchmark"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_benchmark" ADD CONSTRAINT "discretion_benchmark_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_benchmark" ADD CONSTRAINT "discretion_benchmark_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_entrusting_org_id_org_unit_id_fk" FOREIGN KEY ("entrusting_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificate" ADD CONSTRAINT "enforcement_certificate_officer_id_enforcement_officer_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificate" ADD CONSTRAINT "enforcement_certificate_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item" ADD CONSTRAINT "enforcement_item_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item" ADD CONSTRAINT "enforcement_item_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officer" ADD CONSTRAINT "enforcement_officer_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officer" ADD CONSTRAINT "enforcement_officer_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_no_uq" ON "enforcement_case" USING btree ("org_id","case_no");--> statement-breakpoint
CREATE INDEX "enforcement_case_body_idx" ON "enforcement_case" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_filed_idx" ON "enforcement_case" USING btree ("filed_date");--> statement-breakpoint
CREATE INDEX "enforcement_case_status_idx" ON "enforcement_case" USING btree ("status");--> statement-breakpoint
CREATE INDEX "discretion_benchmark_item_idx" ON "discretion_benchmark" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "enforcement_body_org_idx" ON "enforcement_body" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_body_name_uq" ON "enforcement_body" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_certificate_no_uq" ON "enforcement_certificate" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "enforcement_certificate_officer_idx" ON "enforcement_certificate" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_certificate_org_idx" ON "enforcement_certificate" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_item_code_uq" ON "enforcement_item" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "enforcement_item_body_idx" ON "enforcement_item" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_officer_body_idx" ON "enforcement_officer" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_officer_org_idx" ON "enforcement_officer" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_officer_id_uq" ON "enforcement_officer" USING btree ("id_number_hash");