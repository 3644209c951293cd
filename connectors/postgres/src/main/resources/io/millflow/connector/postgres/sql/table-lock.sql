-- Serializes writers of the same table for one transaction: concurrent runs would otherwise race to create the table
-- and could deadlock upserting overlapping keys in different orders.
SELECT pg_advisory_xact_lock(hashtext(:table))
