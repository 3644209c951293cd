package io.millflow.connector.file;

import java.util.Locale;
import java.util.Optional;

/**
 * The record formats the file steps read and write. Templates send them lower-case ({@code csv}).
 */
public enum FileFormat {
  /**
   * Comma-separated values (RFC 4180 quoting), one record per row; any single-character delimiter.
   */
  CSV,
  /** JSON Lines: one JSON object per line, UTF-8 unless the step says otherwise. */
  JSONL;

  /**
   * The format a file name implies ({@code orders.csv.gz} is CSV), for steps that leave the format
   * empty.
   */
  static Optional<FileFormat> fromName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    return Optional.empty();
  }
}
