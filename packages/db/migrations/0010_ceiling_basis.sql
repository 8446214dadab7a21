ALTER TABLE "agreement_sample" ADD COLUMN "ceiling_basis" text;--> statement-breakpoint
-- Samples stored before the column: their report says what the ceiling is measured in.
UPDATE "agreement_sample" SET "ceiling_basis" = "report" -> 'humanCeiling' ->> 'basis' WHERE "ceiling" IS NOT NULL;
