package io.millflow.connector.file;

/**
 * What {@code file.write} does about a file already at the target path. Templates send these
 * lower-case.
 */
public enum FileWriteMode {
  /**
   * Write only a new file: an existing one fails the step with {@code FILE_EXISTS} and stays as it
   * is; the default.
   */
  CREATE,
  /**
   * Replace an existing file atomically: readers see the old file or the new one, never a
   * half-written one.
   */
  OVERWRITE
}
