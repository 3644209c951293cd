-- Whether any of a batch's keys is stored already: if none is, the batch is COPYed straight into the table.
SELECT EXISTS (SELECT 1 FROM ${table} WHERE ${key} = ANY(:keys))
