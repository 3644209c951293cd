package io.millflow.connector.file;

import java.util.Locale;

/** Whether a file is gzip-compressed. Templates send these lower-case ({@code gzip}). */
public enum Compression {
  NONE,
  GZIP,
  /** gzip when the file name ends in {@code .gz}, none otherwise; the default. */
  AUTO;

  /** This choice applied to a file name: never {@link #AUTO}. */
  Compression resolve(String fileName) {
    return switch (this) {
      case NONE, GZIP -> this;
      case AUTO -> fileName.toLowerCase(Locale.ROOT).endsWith(".gz") ? GZIP : NONE;
    };
  }
}
