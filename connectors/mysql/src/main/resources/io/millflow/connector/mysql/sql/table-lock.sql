-- Serializes writers of the same table: concurrent runs would otherwise race to create or extend the table. A named
-- lock belongs to the session, not the transaction, so it also covers the DDL that MySQL commits on its own.
SELECT GET_LOCK(CONCAT('millflow_', MD5(:table)), :seconds)
