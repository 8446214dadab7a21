CREATE TABLE "tradeoff_summary" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"inputs_key" text NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tradeoff_summary" ADD CONSTRAINT "tradeoff_summary_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;