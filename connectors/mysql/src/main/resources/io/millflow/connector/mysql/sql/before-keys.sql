SELECT ${key} FROM ${before}
