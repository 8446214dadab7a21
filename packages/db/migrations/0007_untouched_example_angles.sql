-- Example attack angles are no longer stored: a project without angles shows them as examples only.
-- A project no editor changed on its Tradeoff tab (no settings row) holds nothing but the written example,
-- which no other tab ever used: drop it, so its tab shows the examples as examples.
DELETE FROM "attack_angle"
WHERE NOT EXISTS (
  SELECT 1 FROM "tradeoff_settings" WHERE "tradeoff_settings"."project_id" = "attack_angle"."project_id"
);
