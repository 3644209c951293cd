-- Upserts a batch of unified records (one row per key). A stored row is overwritten only by a version at least as new (by
-- source_updated_at): an out-of-order older version never wins, and a version without source_updated_at never
-- replaces one that has it. MySQL evaluates these assignments left to right, and a later one sees the columns the
-- earlier ones set: so synced_at comes first (it compares the stored values before any changes), and
-- source_updated_at last (every other assignment tests the stored one).
INSERT INTO ${table} (${columns}, `synced_at`) VALUES (${placeholders}, NOW(6))
ON DUPLICATE KEY UPDATE
  `synced_at` = IF(${newer} AND NOT (${unchanged}), VALUES(`synced_at`), `synced_at`),
  ${assignments},
  `source_updated_at` = IF(${newer}, VALUES(`source_updated_at`), `source_updated_at`)
