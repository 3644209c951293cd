SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted AND NOT older) AS updated,
       count(*) FILTER (WHERE older) AS older
FROM millflow_changed
