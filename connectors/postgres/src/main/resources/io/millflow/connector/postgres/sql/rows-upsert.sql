-- Upserts the staged rows on the key fields; a stored row that equals the staged one is not touched (unchanged).
-- Only the batch's columns are set: a column no record of the batch has keeps its stored value.
-- xmax = 0 holds only for a row version this statement inserted; an updated row carries the updater's xid there.
WITH merged AS (
  INSERT INTO ${table} AS t (${columns}) SELECT ${columns} FROM millflow_stage_row
  ON CONFLICT (${key}) DO UPDATE SET ${assignments}
  WHERE (${storedValues}) IS DISTINCT FROM (${stagedValues})
  RETURNING (t.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM merged
