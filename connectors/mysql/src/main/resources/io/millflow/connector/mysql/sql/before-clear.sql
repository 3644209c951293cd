DELETE FROM ${before}
