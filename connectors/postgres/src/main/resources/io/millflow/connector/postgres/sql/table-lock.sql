-- Serializes writers of the same table for one transaction: concurrent runs would otherwise race to create the table
-- and could deadlock upserting overlapping keys in different orders. The two-key form with Millflow's own first key
-- (0x4D464C57, "MFLW") keeps clear of single-key advisory locks other applications take.
SELECT pg_advisory_xact_lock(1296452695, hashtext(:table))
