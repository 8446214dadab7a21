CREATE TABLE "worksheet_answer" (
	"project_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "worksheet_answer_project_id_question_id_pk" PRIMARY KEY("project_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "worksheet_answer_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "worksheet_answer_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"version" integer NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"actor_id" text,
	"restored_from_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worksheet_answer" ADD CONSTRAINT "worksheet_answer_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worksheet_answer" ADD CONSTRAINT "worksheet_answer_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worksheet_answer_history" ADD CONSTRAINT "worksheet_answer_history_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worksheet_answer_history" ADD CONSTRAINT "worksheet_answer_history_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worksheet_answer_updated_by_idx" ON "worksheet_answer" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "worksheet_answer_history_project_idx" ON "worksheet_answer_history" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "worksheet_answer_history_question_idx" ON "worksheet_answer_history" USING btree ("project_id","question_id","id");--> statement-breakpoint
CREATE INDEX "worksheet_answer_history_actor_id_idx" ON "worksheet_answer_history" USING btree ("actor_id");