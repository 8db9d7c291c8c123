CREATE TABLE "litigation_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"court_name" text NOT NULL,
	"court_case_no" text,
	"instance" text NOT NULL,
	"procedure" text NOT NULL,
	"parent_case_id" integer,
	"org_id" integer NOT NULL,
	"plaintiff_name" text NOT NULL,
	"plaintiffs" jsonb NOT NULL,
	"third_parties" text,
	"cause" text NOT NULL,
	"contested_act" text NOT NULL,
	"after_reconsideration" boolean DEFAULT false NOT NULL,
	"reconsideration_decision_no" text,
	"filed_date" date NOT NULL,
	"served_date" date,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"evidence_extension_date" date,
	"evidence_extension_reason" text,
	"defence_filed_date" date,
	"evidence_list" text,
	"defence_summary" text,
	"heard_date" date,
	"outcome" text,
	"lost" boolean DEFAULT false NOT NULL,
	"loss_reason" text,
	"judgment_date" date,
	"judgment_served_date" date,
	"judgment_summary" text,
	"appellant" text,
	"appeal_date" date,
	"closed_date" date,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_hearing" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"hearing_date" date NOT NULL,
	"court_room" text,
	"notice_served_date" date,
	"notice_late" boolean DEFAULT false NOT NULL,
	"identity_filed_date" date,
	"attendance" text,
	"head_name" text,
	"head_post" text,
	"absence_reason" text,
	"absence_proof" text,
	"head_spoke" boolean,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_observation" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" integer,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"participants" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_suggestion" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"received_date" date NOT NULL,
	"content" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply_date" date,
	"reply_summary" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_warning_rule" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"red_loss_rate" integer NOT NULL,
	"red_appearance_below" integer NOT NULL,
	"red_no_show" integer NOT NULL,
	"red_overdue_defence" integer NOT NULL,
	"yellow_loss_rate" integer NOT NULL,
	"yellow_appearance_below" integer NOT NULL,
	"yellow_overdue_suggestion" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_draw" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"seed" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_digest" text NOT NULL,
	"groups" jsonb NOT NULL,
	"superseded" boolean DEFAULT false NOT NULL,
	"reason" text,
	"drawn_by" integer,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_inspection" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"draw_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	"target_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"credit_grade" text NOT NULL,
	"inspector_ids" integer[] NOT NULL,
	"inspector_names" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_inspector" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"expertise" text DEFAULT '' NOT NULL,
	"conflict_codes" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"legal_basis" text NOT NULL,
	"target_type" text NOT NULL,
	"ratio_percent" numeric(5, 2) NOT NULL,
	"frequency_per_year" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_plan" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_no" text NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"batch" text NOT NULL,
	"kind" text NOT NULL,
	"graded" boolean NOT NULL,
	"grade_ratios" jsonb NOT NULL,
	"ratio_percent" numeric(5, 2) NOT NULL,
	"target_type" text,
	"scope" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"filed_date" date,
	"filed_with" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"finished_date" date,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_plan_unit" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"lead" boolean NOT NULL,
	"item_ids" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_result" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"item_names" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"outcome" text,
	"result_date" date,
	"notes" text,
	"published_date" date,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"effective_date" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"graded_target" integer NOT NULL,
	"joint_target" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "random_inspection_target" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"type" text NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"credit_grade" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"party_id_number" text,
	"party_phone" text,
	"major_ground" text,
	"officer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risk_class" text,
	"investigation_note" text,
	"notice_date" date,
	"notice_facts" text,
	"proposed_penalty" text,
	"hearing_right" boolean DEFAULT false NOT NULL,
	"hearing_request_date" date,
	"hearing_notice_date" date,
	"hearing_date" date,
	"hearing_place" text,
	"hearing_presider" text,
	"hearing_held_date" date,
	"hearing_record" text,
	"legal_review_result" text,
	"legal_reviewer_id" integer,
	"legal_reviewer_name" text,
	"legal_review_date" date,
	"legal_review_opinion" text,
	"decision_type" text,
	"decision_no" text,
	"decision_content" text,
	"no_penalty_basis" text,
	"education_record" text,
	"discretion_reason" text,
	"served_date" date,
	"service_mode" text,
	"execution_mode" text,
	"paid_date" date,
	"execution_note" text,
	"closing_note" text,
	"imported" boolean DEFAULT false NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_publication" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"body_name" text NOT NULL,
	"category" text NOT NULL,
	"target_name" text NOT NULL,
	"decision_no" text,
	"decided_date" date NOT NULL,
	"conclusion" text,
	"published_date" date,
	"changed_date" date,
	"withdraw_ground" text,
	"reason" text,
	"withdrawn_date" date,
	"status" text NOT NULL,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"confirmed_by" integer,
	"confirmed_by_name" text,
	"status_reason" text,
	"status_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_cert_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"certificate_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"passed" boolean NOT NULL,
	"hours" integer NOT NULL,
	"target_hours" integer NOT NULL,
	"reason" text,
	"reviewed_date" date NOT NULL,
	"reviewed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
	"revoke_kind" text,
	"last_review_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_exam" (
	"id" serial PRIMARY KEY NOT NULL,
	"officer_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"subject" text NOT NULL,
	"exam_date" date NOT NULL,
	"attended" boolean DEFAULT true NOT NULL,
	"passed" boolean DEFAULT false NOT NULL,
	"score" integer,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_item_transfer" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"from_body_id" integer,
	"to_body_id" integer NOT NULL,
	"transfer_date" date NOT NULL,
	"reason" text NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_list_entry" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"list_kind" text NOT NULL,
	"condition" text NOT NULL,
	"basis" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"abolished_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "enforcement_registry_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"training_hours_target" integer DEFAULT 60 NOT NULL,
	"legal_reviewer_min_percent" integer DEFAULT 5 NOT NULL,
	"cert_validity_years" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_registry_setting_orgId_unique" UNIQUE("org_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_training" (
	"id" serial PRIMARY KEY NOT NULL,
	"officer_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"trained_date" date NOT NULL,
	"course" text NOT NULL,
	"hours" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_campaign" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"body_ids" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_campaign_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"month" text NOT NULL,
	"problems_found" integer NOT NULL,
	"problems_rectified" integer NOT NULL,
	"content" text NOT NULL,
	"submitted_date" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_campaign_step" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_complaint" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"complaint_no" text NOT NULL,
	"receipt_code" text NOT NULL,
	"channel" text NOT NULL,
	"received_date" date NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_phone" text,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"verify_due_date" date,
	"assign_note" text,
	"result" text,
	"findings" text,
	"verified_date" date,
	"conclusion" text,
	"concluded_date" date,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_review" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"body_ids" jsonb NOT NULL,
	"sheet" jsonb NOT NULL,
	"excellent_min" integer DEFAULT 90 NOT NULL,
	"pass_min" integer DEFAULT 70 NOT NULL,
	"sample_per_body" integer,
	"sample_seed" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"finished_date" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_review_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"review_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"picked" text NOT NULL,
	"scores" jsonb,
	"total" integer,
	"grade" text,
	"reviewers" jsonb,
	"scored_date" date,
	"scored_by" integer,
	"self_scores" jsonb,
	"self_total" integer,
	"self_scored_date" date,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_review_problem" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_id" integer NOT NULL,
	"review_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"category" text NOT NULL,
	"item_key" text,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_supervision_doc" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	"issuer_org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"decision_kind" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"required_action" text NOT NULL,
	"issued_date" date NOT NULL,
	"served_date" date NOT NULL,
	"period_days" integer NOT NULL,
	"problem_id" integer,
	"complaint_id" integer,
	"case_id" integer,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply_date" date,
	"reply_content" text,
	"return_reason" text,
	"closed_date" date,
	"closing_opinion" text,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_special_supervisor" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"work_unit" text NOT NULL,
	"term_from" date NOT NULL,
	"term_to" date NOT NULL,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_supervisor_activity" (
	"id" serial PRIMARY KEY NOT NULL,
	"supervisor_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"activity_date" date NOT NULL,
	"kind" text NOT NULL,
	"body_id" integer,
	"notes" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "litigation_case" ADD CONSTRAINT "litigation_case_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_case" ADD CONSTRAINT "litigation_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearing" ADD CONSTRAINT "litigation_hearing_case_id_litigation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."litigation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearing" ADD CONSTRAINT "litigation_hearing_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_hearing" ADD CONSTRAINT "litigation_hearing_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_observation" ADD CONSTRAINT "litigation_observation_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_observation" ADD CONSTRAINT "litigation_observation_case_id_litigation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."litigation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_observation" ADD CONSTRAINT "litigation_observation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_suggestion" ADD CONSTRAINT "litigation_suggestion_case_id_litigation_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."litigation_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_suggestion" ADD CONSTRAINT "litigation_suggestion_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_suggestion" ADD CONSTRAINT "litigation_suggestion_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigation_warning_rule" ADD CONSTRAINT "litigation_warning_rule_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_draw" ADD CONSTRAINT "random_inspection_draw_plan_id_random_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."random_inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_draw" ADD CONSTRAINT "random_inspection_draw_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_draw" ADD CONSTRAINT "random_inspection_draw_drawn_by_app_user_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_inspection" ADD CONSTRAINT "random_inspection_inspection_plan_id_random_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."random_inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_inspection" ADD CONSTRAINT "random_inspection_inspection_draw_id_random_inspection_draw_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."random_inspection_draw"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_inspection" ADD CONSTRAINT "random_inspection_inspection_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_inspection" ADD CONSTRAINT "random_inspection_inspection_target_id_random_inspection_target_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."random_inspection_target"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_inspector" ADD CONSTRAINT "random_inspection_inspector_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_item" ADD CONSTRAINT "random_inspection_item_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_plan" ADD CONSTRAINT "random_inspection_plan_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_plan" ADD CONSTRAINT "random_inspection_plan_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_plan_unit" ADD CONSTRAINT "random_inspection_plan_unit_plan_id_random_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."random_inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_plan_unit" ADD CONSTRAINT "random_inspection_plan_unit_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_result" ADD CONSTRAINT "random_inspection_result_inspection_id_random_inspection_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."random_inspection_inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_result" ADD CONSTRAINT "random_inspection_result_plan_id_random_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."random_inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_result" ADD CONSTRAINT "random_inspection_result_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_result" ADD CONSTRAINT "random_inspection_result_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_rules" ADD CONSTRAINT "random_inspection_rules_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_rules" ADD CONSTRAINT "random_inspection_rules_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_setting" ADD CONSTRAINT "random_inspection_setting_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "random_inspection_target" ADD CONSTRAINT "random_inspection_target_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_benchmark_id_discretion_benchmark_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."discretion_benchmark"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case" ADD CONSTRAINT "enforcement_case_legal_reviewer_id_app_user_id_fk" FOREIGN KEY ("legal_reviewer_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publication" ADD CONSTRAINT "enforcement_publication_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publication" ADD CONSTRAINT "enforcement_publication_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publication" ADD CONSTRAINT "enforcement_publication_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_publication" ADD CONSTRAINT "enforcement_publication_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_benchmark" ADD CONSTRAINT "discretion_benchmark_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_benchmark" ADD CONSTRAINT "discretion_benchmark_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_entrusting_org_id_org_unit_id_fk" FOREIGN KEY ("entrusting_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_confirmed_by_app_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body" ADD CONSTRAINT "enforcement_body_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cert_review" ADD CONSTRAINT "enforcement_cert_review_certificate_id_enforcement_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."enforcement_certificate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cert_review" ADD CONSTRAINT "enforcement_cert_review_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cert_review" ADD CONSTRAINT "enforcement_cert_review_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificate" ADD CONSTRAINT "enforcement_certificate_officer_id_enforcement_officer_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificate" ADD CONSTRAINT "enforcement_certificate_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_exam" ADD CONSTRAINT "enforcement_exam_officer_id_enforcement_officer_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_exam" ADD CONSTRAINT "enforcement_exam_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item" ADD CONSTRAINT "enforcement_item_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item" ADD CONSTRAINT "enforcement_item_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item_transfer" ADD CONSTRAINT "enforcement_item_transfer_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item_transfer" ADD CONSTRAINT "enforcement_item_transfer_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item_transfer" ADD CONSTRAINT "enforcement_item_transfer_from_body_id_enforcement_body_id_fk" FOREIGN KEY ("from_body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item_transfer" ADD CONSTRAINT "enforcement_item_transfer_to_body_id_enforcement_body_id_fk" FOREIGN KEY ("to_body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_item_transfer" ADD CONSTRAINT "enforcement_item_transfer_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_list_entry" ADD CONSTRAINT "enforcement_list_entry_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_list_entry" ADD CONSTRAINT "enforcement_list_entry_item_id_enforcement_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officer" ADD CONSTRAINT "enforcement_officer_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officer" ADD CONSTRAINT "enforcement_officer_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_registry_setting" ADD CONSTRAINT "enforcement_registry_setting_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_training" ADD CONSTRAINT "enforcement_training_officer_id_enforcement_officer_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_training" ADD CONSTRAINT "enforcement_training_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign" ADD CONSTRAINT "enforcement_campaign_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign" ADD CONSTRAINT "enforcement_campaign_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_report" ADD CONSTRAINT "enforcement_campaign_report_campaign_id_enforcement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."enforcement_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_report" ADD CONSTRAINT "enforcement_campaign_report_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_report" ADD CONSTRAINT "enforcement_campaign_report_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_report" ADD CONSTRAINT "enforcement_campaign_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_step" ADD CONSTRAINT "enforcement_campaign_step_campaign_id_enforcement_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."enforcement_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_campaign_step" ADD CONSTRAINT "enforcement_campaign_step_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_complaint" ADD CONSTRAINT "enforcement_complaint_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_complaint" ADD CONSTRAINT "enforcement_complaint_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_complaint" ADD CONSTRAINT "enforcement_complaint_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review" ADD CONSTRAINT "enforcement_review_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review" ADD CONSTRAINT "enforcement_review_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_file" ADD CONSTRAINT "enforcement_review_file_review_id_enforcement_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."enforcement_review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_file" ADD CONSTRAINT "enforcement_review_file_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_file" ADD CONSTRAINT "enforcement_review_file_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_file" ADD CONSTRAINT "enforcement_review_file_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_file" ADD CONSTRAINT "enforcement_review_file_scored_by_app_user_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_problem" ADD CONSTRAINT "enforcement_review_problem_file_id_enforcement_review_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."enforcement_review_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_problem" ADD CONSTRAINT "enforcement_review_problem_review_id_enforcement_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."enforcement_review"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_review_problem" ADD CONSTRAINT "enforcement_review_problem_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_issuer_org_id_org_unit_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_problem_id_enforcement_review_problem_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."enforcement_review_problem"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_case_id_enforcement_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervision_doc" ADD CONSTRAINT "enforcement_supervision_doc_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_special_supervisor" ADD CONSTRAINT "enforcement_special_supervisor_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervisor_activity" ADD CONSTRAINT "enforcement_supervisor_activity_supervisor_id_enforcement_special_supervisor_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."enforcement_special_supervisor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervisor_activity" ADD CONSTRAINT "enforcement_supervisor_activity_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervisor_activity" ADD CONSTRAINT "enforcement_supervisor_activity_body_id_enforcement_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_supervisor_activity" ADD CONSTRAINT "enforcement_supervisor_activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "litigation_case_no_uq" ON "litigation_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "litigation_case_org_status_idx" ON "litigation_case" USING btree ("org_id","status","filed_date");--> statement-breakpoint
CREATE INDEX "litigation_case_filed_idx" ON "litigation_case" USING btree ("filed_date");--> statement-breakpoint
CREATE INDEX "litigation_case_judgment_idx" ON "litigation_case" USING btree ("judgment_date");--> statement-breakpoint
CREATE INDEX "litigation_case_parent_idx" ON "litigation_case" USING btree ("parent_case_id");--> statement-breakpoint
CREATE INDEX "litigation_hearing_case_idx" ON "litigation_hearing" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "litigation_hearing_org_date_idx" ON "litigation_hearing" USING btree ("org_id","hearing_date");--> statement-breakpoint
CREATE INDEX "litigation_observation_org_idx" ON "litigation_observation" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "litigation_suggestion_case_idx" ON "litigation_suggestion" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "litigation_suggestion_org_idx" ON "litigation_suggestion" USING btree ("org_id","received_date");--> statement-breakpoint
CREATE UNIQUE INDEX "litigation_warning_rule_year_uq" ON "litigation_warning_rule" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_draw_seq_uq" ON "random_inspection_draw" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "random_inspection_inspection_plan_idx" ON "random_inspection_inspection" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_inspector_cert_uq" ON "random_inspection_inspector" USING btree ("org_id","certificate_no");--> statement-breakpoint
CREATE INDEX "random_inspection_item_org_idx" ON "random_inspection_item" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_plan_no_uq" ON "random_inspection_plan" USING btree ("plan_no");--> statement-breakpoint
CREATE INDEX "random_inspection_plan_org_year_idx" ON "random_inspection_plan" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_plan_unit_uq" ON "random_inspection_plan_unit" USING btree ("plan_id","org_id");--> statement-breakpoint
CREATE INDEX "random_inspection_plan_unit_org_idx" ON "random_inspection_plan_unit" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "random_inspection_result_inspection_idx" ON "random_inspection_result" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "random_inspection_result_org_status_idx" ON "random_inspection_result" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_rules_rev_uq" ON "random_inspection_rules" USING btree ("org_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_setting_org_uq" ON "random_inspection_setting" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "random_inspection_target_code_uq" ON "random_inspection_target" USING btree ("org_id","credit_code");--> statement-breakpoint
CREATE INDEX "random_inspection_target_org_grade_idx" ON "random_inspection_target" USING btree ("org_id","active","credit_grade");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_no_uq" ON "enforcement_case" USING btree ("org_id","case_no");--> statement-breakpoint
CREATE INDEX "enforcement_case_body_idx" ON "enforcement_case" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_filed_idx" ON "enforcement_case" USING btree ("filed_date");--> statement-breakpoint
CREATE INDEX "enforcement_case_status_idx" ON "enforcement_case" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_publication_case_uq" ON "enforcement_publication" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_publication_status_idx" ON "enforcement_publication" USING btree ("status","published_date");--> statement-breakpoint
CREATE INDEX "enforcement_publication_org_idx" ON "enforcement_publication" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "discretion_benchmark_item_idx" ON "discretion_benchmark" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "enforcement_body_org_idx" ON "enforcement_body" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_body_name_uq" ON "enforcement_body" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cert_review_uq" ON "enforcement_cert_review" USING btree ("certificate_id","year");--> statement-breakpoint
CREATE INDEX "enforcement_cert_review_org_idx" ON "enforcement_cert_review" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_certificate_no_uq" ON "enforcement_certificate" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "enforcement_certificate_officer_idx" ON "enforcement_certificate" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_certificate_org_idx" ON "enforcement_certificate" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_exam_officer_idx" ON "enforcement_exam" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "enforcement_exam_org_idx" ON "enforcement_exam" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_item_code_uq" ON "enforcement_item" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "enforcement_item_body_idx" ON "enforcement_item" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_item_transfer_item_idx" ON "enforcement_item_transfer" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "enforcement_item_transfer_org_idx" ON "enforcement_item_transfer" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_list_entry_item_idx" ON "enforcement_list_entry" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "enforcement_list_entry_org_idx" ON "enforcement_list_entry" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_officer_body_idx" ON "enforcement_officer" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "enforcement_officer_org_idx" ON "enforcement_officer" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_officer_id_uq" ON "enforcement_officer" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "enforcement_training_officer_idx" ON "enforcement_training" USING btree ("officer_id","year");--> statement-breakpoint
CREATE INDEX "enforcement_training_org_idx" ON "enforcement_training" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_campaign_org_idx" ON "enforcement_campaign" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_campaign_report_uq" ON "enforcement_campaign_report" USING btree ("campaign_id","body_id","month");--> statement-breakpoint
CREATE INDEX "enforcement_campaign_report_org_idx" ON "enforcement_campaign_report" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_campaign_step_campaign_idx" ON "enforcement_campaign_step" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_complaint_receipt_uq" ON "enforcement_complaint" USING btree ("receipt_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_complaint_no_uq" ON "enforcement_complaint" USING btree ("complaint_no");--> statement-breakpoint
CREATE INDEX "enforcement_complaint_org_idx" ON "enforcement_complaint" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_complaint_received_idx" ON "enforcement_complaint" USING btree ("received_date");--> statement-breakpoint
CREATE INDEX "enforcement_review_org_idx" ON "enforcement_review" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_review_file_case_uq" ON "enforcement_review_file" USING btree ("review_id","case_id");--> statement-breakpoint
CREATE INDEX "enforcement_review_file_org_idx" ON "enforcement_review_file" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_review_file_review_idx" ON "enforcement_review_file" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "enforcement_review_problem_file_idx" ON "enforcement_review_problem" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "enforcement_review_problem_org_idx" ON "enforcement_review_problem" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_supervision_doc_no_uq" ON "enforcement_supervision_doc" USING btree ("doc_no");--> statement-breakpoint
CREATE INDEX "enforcement_supervision_doc_org_idx" ON "enforcement_supervision_doc" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_supervision_doc_issued_idx" ON "enforcement_supervision_doc" USING btree ("issued_date");--> statement-breakpoint
CREATE INDEX "enforcement_special_supervisor_org_idx" ON "enforcement_special_supervisor" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_supervisor_activity_sup_idx" ON "enforcement_supervisor_activity" USING btree ("supervisor_id");