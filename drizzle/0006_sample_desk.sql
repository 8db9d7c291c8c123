CREATE TABLE "sample_desk_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"org_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"content" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"closed_on" date,
	"result" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sample_desk_record" ADD CONSTRAINT "sample_desk_record_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_desk_record" ADD CONSTRAINT "sample_desk_record_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sample_desk_record_org_status_idx" ON "sample_desk_record" USING btree ("org_id","status","received_on");