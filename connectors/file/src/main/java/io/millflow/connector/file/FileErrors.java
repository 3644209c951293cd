package io.millflow.connector.file;

import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Turns an I/O error into the step error model (DESIGN.md section 3). Most file errors are about
 * the input (a missing file, a wrong encoding, no permission), and a retry would fail the same way;
 * only a full disk or quota, which someone may free, and unclassified I/O errors (a network file
 * system that hiccuped) are retried.
 */
final class FileErrors {

  private FileErrors() {}

  /**
   * {@code activity} says what the step was doing: "reading orders.csv", "writing out/orders.csv".
   */
  static StepException translate(IOException error, String activity, BaseDirectory base) {
    String where =
        " of connection '" + base.connection() + "' (base directory " + base.base() + ")";
    return switch (error) {
      case NoSuchFileException e ->
          new StepFailure(
              "FILE_NOT_FOUND",
              "No such file while "
                  + activity
                  + where
                  + ": check the path, or run the step that writes the file first.",
              error);
      case FileAlreadyExistsException e ->
          new StepFailure(
              "FILE_EXISTS",
              "The file already exists while "
                  + activity
                  + where
                  + ": set 'mode' to overwrite to replace it, or choose another path.",
              error);
      case AccessDeniedException e ->
          new StepFailure(
              "ACCESS_DENIED",
              "The runtime may not access the file while "
                  + activity
                  + where
                  + ": grant the runtime's user access, or use another path.",
              error);
      case NotDirectoryException e ->
          new StepFailure(
              "INVALID_PATH",
              "A part of the path is a file, not a"
                  + " directory, while "
                  + activity
                  + where
                  + ": correct the path.",
              error);
      case CharacterCodingException e ->
          new StepFailure(
              "ENCODING_MISMATCH",
              "The text does not fit the encoding"
                  + " while "
                  + activity
                  + " ("
                  + e.getClass().getSimpleName()
                  + "): set 'encoding' to the file's actual"
                  + " encoding, or write with UTF-8, which holds every character.",
              error);
      case ZipException e -> malformedGzip(activity, error);
      case EOFException e -> malformedGzip(activity, error);
      default -> otherIo(error, activity, where);
    };
  }

  private static StepException malformedGzip(String activity, IOException error) {
    return new StepFailure(
        "MALFORMED_FILE",
        "The file is not valid gzip, or was cut short, while "
            + activity
            + " ("
            + error.getMessage()
            + "): set 'compression' to none if it is not compressed, or write it again.",
        error);
  }

  private static StepException otherIo(IOException error, String activity, String where) {
    String reason = reason(error);
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("read-only file system")) {
      return new StepFailure(
          "ACCESS_DENIED",
          "The file system is mounted read-only while "
              + activity
              + where
              + ": mount it writable, or write elsewhere.",
          error);
    }
    if (lower.contains("no space left") || lower.contains("quota")) {
      return new RetryableStepException(
          "The disk is full while "
              + activity
              + where
              + " ("
              + reason
              + "); the step will be retried: free some space.",
          error);
    }
    return new RetryableStepException(
        "An I/O error happened while "
            + activity
            + where
            + " ("
            + reason
            + "); the step will be retried.",
        error);
  }

  private static String reason(IOException error) {
    if (error instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
