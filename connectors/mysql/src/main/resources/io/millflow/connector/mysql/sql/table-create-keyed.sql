-- utf8mb4_bin: keys compare exactly, as in the source ('A-1' and 'a-1' are two orders), and any Unicode text fits.
CREATE TABLE IF NOT EXISTS ${table} (${columns}, PRIMARY KEY (${key}))
ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
