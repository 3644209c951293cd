SELECT RELEASE_LOCK(CONCAT('millflow_', MD5(:table)))
