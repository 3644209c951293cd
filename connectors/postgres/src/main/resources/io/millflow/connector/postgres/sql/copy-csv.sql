COPY ${table} (${columns}) FROM STDIN (FORMAT csv)
