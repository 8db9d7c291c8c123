CREATE TABLE "assessment_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"max_score" numeric(6, 2) NOT NULL,
	"scorer" text NOT NULL,
	"rule" text,
	"statistic_id" text,
	"auto_rule" text,
	"penalty" numeric(6, 2)
);
--> statement-breakpoint
CREATE TABLE "assessment_scheme" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"weight_in_target" numeric(5, 2) NOT NULL,
	"status" text NOT NULL,
	"duty_report_due_date" date,
	"note" text,
	"org_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_score" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"note" text,
	"evidence" text,
	"satisfied" integer,
	"basically_satisfied" integer,
	"dissatisfied" integer,
	"raw_value" numeric(12, 2),
	"scored_by" integer,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"org_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"reporter_name" text NOT NULL,
	"reporter_title" text NOT NULL,
	"form" text NOT NULL,
	"report_date" date NOT NULL,
	"summary" text NOT NULL,
	"problems" text,
	"plans" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"review_comment" text,
	"rating" text,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_exam" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"exam_date" date NOT NULL,
	"org_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_exam_result" (
	"id" serial PRIMARY KEY NOT NULL,
	"exam_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"eligible" integer NOT NULL,
	"participated" integer NOT NULL,
	"passed" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_session" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"form" text NOT NULL,
	"lecturer" text,
	"attendee_count" integer NOT NULL,
	"attendees" text,
	"duration_hours" numeric(5, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demo_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"title" text NOT NULL,
	"measures" text,
	"evidence_required" text,
	"year" integer NOT NULL,
	"due_date" date NOT NULL,
	"lead_org_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition_id" integer NOT NULL,
	"parent_id" integer,
	"level" integer NOT NULL,
	"code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"standard" text,
	"evidence_required" text,
	"max_score" numeric(7, 1),
	"confirmed" boolean DEFAULT false NOT NULL,
	"statistic_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_edition" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignment" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"due_date" date NOT NULL,
	"progress_summary" text,
	"progress_percent" integer,
	"self_score" integer,
	"score" integer,
	"comment" text,
	"reason" text,
	"last_reported_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_progress" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"summary" text NOT NULL,
	"percent" integer NOT NULL,
	"self_score" integer,
	"reported_by" integer,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer,
	"target_id" integer,
	"org_id" integer NOT NULL,
	"description" text NOT NULL,
	"category" text,
	"requirement" text NOT NULL,
	"due_date" date,
	"found_on" date NOT NULL,
	"source" text NOT NULL,
	"source_module" text,
	"source_entity_type" text,
	"source_entity_id" integer,
	"source_link" text,
	"source_title" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inspectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"inspected_on" date,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_order" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"org_id" integer NOT NULL,
	"issuer_org_id" integer NOT NULL,
	"finding_id" integer,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"requirement" text NOT NULL,
	"due_date" date NOT NULL,
	"issued_on" date NOT NULL,
	"source" text NOT NULL,
	"source_module" text,
	"source_entity_type" text,
	"source_entity_id" integer,
	"source_link" text,
	"source_title" text,
	"source_clock_id" integer,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"measures" text,
	"result" text,
	"completed_on" date,
	"submitted_on" date,
	"verification_opinion" text,
	"closed_on" date,
	"reason" text,
	"interviewed_on" date,
	"head_name" text,
	"participants" text,
	"interview_summary" text,
	"notice_no" text,
	"notice_content" text,
	"notice_published_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"receipt_code" text NOT NULL,
	"org_id" integer NOT NULL,
	"respondent_org_id" integer NOT NULL,
	"channel" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicants" jsonb NOT NULL,
	"third_parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agent" jsonb,
	"act_name" text NOT NULL,
	"act_doc_no" text,
	"act_date" date,
	"knew_date" date NOT NULL,
	"not_informed" boolean DEFAULT false NOT NULL,
	"rights_known_date" date,
	"obstacle_days" integer DEFAULT 0 NOT NULL,
	"real_property" boolean DEFAULT false NOT NULL,
	"field" text NOT NULL,
	"request" text NOT NULL,
	"facts_reasons" text NOT NULL,
	"received_date" date NOT NULL,
	"application_deadline" date NOT NULL,
	"application_late" boolean DEFAULT false NOT NULL,
	"application_note" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"procedure" text,
	"simplified_ground" text,
	"accepted_date" date,
	"correction_items" text,
	"correction_notice_date" date,
	"corrected_date" date,
	"declined_date" date,
	"forwarded_date" date,
	"competent_authority" text,
	"copy_sent_date" date,
	"copy_served_date" date,
	"answer_received_date" date,
	"answer_summary" text,
	"hearing_notice_date" date,
	"hearing_date" date,
	"hearing_place" text,
	"hearing_held_date" date,
	"hearing_record" text,
	"extension_days" integer,
	"suspension_ground" text,
	"suspended_on" date,
	"resumed_on" date,
	"termination_ground" text,
	"closed_date" date,
	"closing_summary" text,
	"decision_type" text,
	"decision_facts" text,
	"decision_reasons" text,
	"decision_main" text,
	"decision_date" date,
	"decision_no" text,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_consultation" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text NOT NULL,
	"opinion" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconsideration_letter" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"recipient_org_id" integer NOT NULL,
	"issued_date" date NOT NULL,
	"served_date" date NOT NULL,
	"due_date" date,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply_date" date,
	"reply_summary" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_item" ADD CONSTRAINT "assessment_item_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme" ADD CONSTRAINT "assessment_scheme_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme" ADD CONSTRAINT "assessment_scheme_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_item_id_assessment_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."assessment_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score" ADD CONSTRAINT "assessment_score_scored_by_app_user_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_target" ADD CONSTRAINT "assessment_target_scheme_id_assessment_scheme_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_scheme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_target" ADD CONSTRAINT "assessment_target_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_report" ADD CONSTRAINT "duty_report_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_report" ADD CONSTRAINT "duty_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_exam" ADD CONSTRAINT "law_exam_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_exam" ADD CONSTRAINT "law_exam_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_exam_result" ADD CONSTRAINT "law_exam_result_exam_id_law_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."law_exam"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_exam_result" ADD CONSTRAINT "law_exam_result_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_exam_result" ADD CONSTRAINT "law_exam_result_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session" ADD CONSTRAINT "study_session_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session" ADD CONSTRAINT "study_session_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_task" ADD CONSTRAINT "demo_task_edition_id_indicator_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."indicator_edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_task" ADD CONSTRAINT "demo_task_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_task" ADD CONSTRAINT "demo_task_lead_org_id_org_unit_id_fk" FOREIGN KEY ("lead_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_task" ADD CONSTRAINT "demo_task_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_task" ADD CONSTRAINT "demo_task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_edition_id_indicator_edition_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."indicator_edition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_parent_id_indicator_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_task_id_demo_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."demo_task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignment" ADD CONSTRAINT "task_assignment_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_assignment_id_task_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."task_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_reported_by_app_user_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_target_id_inspection_target_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."inspection_target"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_target" ADD CONSTRAINT "inspection_target_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_target" ADD CONSTRAINT "inspection_target_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order" ADD CONSTRAINT "supervision_order_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order" ADD CONSTRAINT "supervision_order_issuer_org_id_org_unit_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order" ADD CONSTRAINT "supervision_order_finding_id_inspection_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_order" ADD CONSTRAINT "supervision_order_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_case" ADD CONSTRAINT "reconsideration_case_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_case" ADD CONSTRAINT "reconsideration_case_respondent_org_id_org_unit_id_fk" FOREIGN KEY ("respondent_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_case" ADD CONSTRAINT "reconsideration_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_consultation" ADD CONSTRAINT "reconsideration_consultation_case_id_reconsideration_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reconsideration_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_consultation" ADD CONSTRAINT "reconsideration_consultation_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_consultation" ADD CONSTRAINT "reconsideration_consultation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_letter" ADD CONSTRAINT "reconsideration_letter_case_id_reconsideration_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reconsideration_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_letter" ADD CONSTRAINT "reconsideration_letter_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_letter" ADD CONSTRAINT "reconsideration_letter_recipient_org_id_org_unit_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconsideration_letter" ADD CONSTRAINT "reconsideration_letter_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_item_scheme_idx" ON "assessment_item" USING btree ("scheme_id","sort_order");--> statement-breakpoint
CREATE INDEX "assessment_scheme_year_idx" ON "assessment_scheme" USING btree ("year","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_score_item_org_uq" ON "assessment_score" USING btree ("item_id","org_id");--> statement-breakpoint
CREATE INDEX "assessment_score_scheme_org_idx" ON "assessment_score" USING btree ("scheme_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_target_uq" ON "assessment_target" USING btree ("scheme_id","org_id");--> statement-breakpoint
CREATE INDEX "duty_report_org_year_idx" ON "duty_report" USING btree ("org_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "law_exam_result_uq" ON "law_exam_result" USING btree ("exam_id","org_id");--> statement-breakpoint
CREATE INDEX "study_session_org_date_idx" ON "study_session" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "demo_task_indicator_idx" ON "demo_task" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "demo_task_year_idx" ON "demo_task" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_code_uq" ON "indicator" USING btree ("edition_id","code");--> statement-breakpoint
CREATE INDEX "indicator_parent_idx" ON "indicator" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_edition_code_uq" ON "indicator_edition" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "task_assignment_task_org_uq" ON "task_assignment" USING btree ("task_id","org_id");--> statement-breakpoint
CREATE INDEX "task_assignment_org_status_idx" ON "task_assignment" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "task_progress_assignment_idx" ON "task_progress" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "inspection_finding_org_status_idx" ON "inspection_finding" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "inspection_finding_plan_idx" ON "inspection_finding" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_org_year_idx" ON "inspection_plan" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_target_plan_org_uq" ON "inspection_target" USING btree ("plan_id","org_id");--> statement-breakpoint
CREATE INDEX "inspection_target_org_idx" ON "inspection_target" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_order_no_uq" ON "supervision_order" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "supervision_order_org_status_idx" ON "supervision_order" USING btree ("org_id","status","issued_on");--> statement-breakpoint
CREATE INDEX "supervision_order_finding_idx" ON "supervision_order" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_order_open_clock_uq" ON "supervision_order" USING btree ("source_clock_id") WHERE status in ('issued', 'submitted', 'returned') and source_clock_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reconsideration_case_receipt_code_uq" ON "reconsideration_case" USING btree ("receipt_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reconsideration_case_no_uq" ON "reconsideration_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "reconsideration_case_org_status_idx" ON "reconsideration_case" USING btree ("org_id","status","received_date");--> statement-breakpoint
CREATE INDEX "reconsideration_case_respondent_idx" ON "reconsideration_case" USING btree ("respondent_org_id");--> statement-breakpoint
CREATE INDEX "reconsideration_case_received_idx" ON "reconsideration_case" USING btree ("received_date");--> statement-breakpoint
CREATE INDEX "reconsideration_consultation_case_idx" ON "reconsideration_consultation" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reconsideration_letter_case_idx" ON "reconsideration_letter" USING btree ("case_id");