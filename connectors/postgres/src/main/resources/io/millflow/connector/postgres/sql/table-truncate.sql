TRUNCATE ${tables}
