SELECT COUNT(*) FROM ${before}
