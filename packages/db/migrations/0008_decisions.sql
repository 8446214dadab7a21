CREATE TABLE "report_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"link_id" uuid,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	CONSTRAINT "report_decision_kind_check" CHECK (decision in ('approve', 'approve-with-conditions', 'request-changes', 'reject'))
);
--> statement-breakpoint
ALTER TABLE "report_share_link" ADD COLUMN "allow_feedback" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_version_id_report_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."report_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_link_id_report_share_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."report_share_link"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decision" ADD CONSTRAINT "report_decision_hidden_by_user_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_decision_version_id_idx" ON "report_decision" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "report_decision_link_id_idx" ON "report_decision" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "report_decision_recorded_by_idx" ON "report_decision" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "report_decision_hidden_by_idx" ON "report_decision" USING btree ("hidden_by");