-- An inserted or updated order's lines are replaced as a whole: lines the source removed disappear.
DELETE FROM ${lines} WHERE `order_key` IN (${keys})
