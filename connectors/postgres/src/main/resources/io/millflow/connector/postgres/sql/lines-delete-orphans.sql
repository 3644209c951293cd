-- Lines stored for orders the order table lacks (left by another writer) give way to the new orders' lines, as the
-- staged merge would replace them.
DELETE FROM ${lines} WHERE order_key = ANY(:keys)
