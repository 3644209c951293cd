-- An inserted or updated order's lines are replaced as a whole: lines the source removed disappear. An order kept
-- as stored (its staged version older) keeps its lines.
DELETE FROM ${lines} AS l USING millflow_changed AS c WHERE l.order_key = c.record_key AND NOT c.older
