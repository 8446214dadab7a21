CREATE TABLE "agreement_sample" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"format" text NOT NULL,
	"columns" jsonb,
	"level" text NOT NULL,
	"category_order" jsonb,
	"items" integer NOT NULL,
	"annotators" integer NOT NULL,
	"annotations" integer NOT NULL,
	"alpha" double precision,
	"alpha_low" double precision,
	"alpha_high" double precision,
	"ceiling" double precision,
	"ceiling_low" double precision,
	"ceiling_high" double precision,
	"ceiling_items" integer,
	"report" jsonb NOT NULL,
	"is_reference" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"updated_by" text,
	CONSTRAINT "agreement_sample_level_check" CHECK (level in ('nominal', 'ordinal', 'interval', 'ratio'))
);
--> statement-breakpoint
CREATE TABLE "agreement_sample_data" (
	"sample_id" uuid PRIMARY KEY NOT NULL,
	"triples" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_assessment" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"items_version" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target_override_level" integer,
	"target_override_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "maturity_assessment_override_check" CHECK (("maturity_assessment"."target_override_level" is null and "maturity_assessment"."target_override_reason" is null) or ("maturity_assessment"."target_override_level" in (0, 1, 2) and "maturity_assessment"."target_override_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "roadmap" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"pending_conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "agreement_sample" ADD CONSTRAINT "agreement_sample_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sample" ADD CONSTRAINT "agreement_sample_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sample" ADD CONSTRAINT "agreement_sample_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sample_data" ADD CONSTRAINT "agreement_sample_data_sample_id_agreement_sample_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."agreement_sample"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_assessment" ADD CONSTRAINT "maturity_assessment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_assessment" ADD CONSTRAINT "maturity_assessment_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap" ADD CONSTRAINT "roadmap_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap" ADD CONSTRAINT "roadmap_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_sample_project_idx" ON "agreement_sample" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_sample_one_reference_idx" ON "agreement_sample" USING btree ("project_id") WHERE "agreement_sample"."is_reference";--> statement-breakpoint
CREATE INDEX "agreement_sample_created_by_idx" ON "agreement_sample" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "agreement_sample_updated_by_idx" ON "agreement_sample" USING btree ("updated_by");