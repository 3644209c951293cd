package io.millflow.connector.snowflake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows as gzip CSV files of at most {@code rowsPerFile} rows each ({@code
 * <name>_0001.csv.gz}, ...), the form Snowflake loads fastest: several compressed files, PUT in
 * parallel, loaded by one COPY. Every non-null value is quoted with inner quotes doubled; null is
 * the unquoted empty field. Each row ends with the record's position in the dataset.
 */
final class CsvFiles implements AutoCloseable {

  private final Path directory;
  private final String name;
  private final int rowsPerFile;
  private Writer out;
  private int files;
  private int rowsInFile;

  CsvFiles(Path directory, String name, int rowsPerFile) {
    this.directory = directory;
    this.name = name;
    this.rowsPerFile = rowsPerFile;
  }

  /** Writes a row; a full disk is no record's fault, so it surfaces unchecked (an incident). */
  void row(List<String> values, long position) {
    try {
      if (out == null || rowsInFile == rowsPerFile) {
        next();
      }
      for (String value : values) {
        if (value != null) {
          out.write('"');
          out.write(value.replace("\"", "\"\""));
          out.write('"');
        }
        out.write(',');
      }
      out.write(Long.toString(position));
      out.write('\n');
      rowsInFile++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many files were written. */
  int files() {
    return files;
  }

  /** The files, as a PUT source with a wildcard. */
  String pattern() {
    return directory.toAbsolutePath().resolve(name + "_*.csv.gz").toString();
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  private void next() throws IOException {
    close();
    files++;
    rowsInFile = 0;
    Path file = directory.resolve(String.format("%s_%04d.csv.gz", name, files));
    out =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8),
            1 << 16);
  }
}
