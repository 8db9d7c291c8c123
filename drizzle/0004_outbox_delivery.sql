CREATE TABLE "outbox_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"consumer" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_delivery" ADD CONSTRAINT "outbox_delivery_event_id_outbox_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outbox_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_delivery_event_consumer_uq" ON "outbox_delivery" USING btree ("event_id","consumer");--> statement-breakpoint
CREATE INDEX "outbox_delivery_open_idx" ON "outbox_delivery" USING btree ("status","next_attempt_at") WHERE status <> 'delivered';--> statement-breakpoint
-- 系统管理员 handles failed event deliveries: an existing deployment's built-in role gets the new permission
-- (a new database has no roles yet; the seed gives it then).
UPDATE "role" SET "permissions" = "permissions" || '["system:outbox_manage"]'::jsonb WHERE "code" = 'system_admin' AND "is_builtin" AND NOT ("permissions" @> '["system:outbox_manage"]'::jsonb);
