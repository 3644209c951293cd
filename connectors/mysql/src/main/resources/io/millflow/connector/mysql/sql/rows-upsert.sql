-- Only the batch's columns are set: a column no record of the batch has keeps its stored value.
INSERT INTO ${table} (${columns}) VALUES (${placeholders}) ON DUPLICATE KEY UPDATE ${assignments}
