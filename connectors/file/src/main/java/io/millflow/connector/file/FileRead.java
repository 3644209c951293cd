package io.millflow.connector.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads one CSV or JSON Lines file, optionally gzip-compressed, from inside a {@code file}
 * connection's base directory into a dataset: one JSON object per CSV row or JSON line. The file is
 * streamed; only the dataset store's current chunk is in memory. Example input: {@code
 * {"connection": "exports", "path": "in/orders.csv.gz"}}.
 */
@Singleton
@StepType(
    id = "file.read",
    name = "Read a file",
    group = "Files",
    timeoutSeconds = 600,
    description = "Reads a CSV or JSON Lines file, optionally gzip-compressed, into a dataset.")
public final class FileRead implements Step<FileRead.Input, ReadResult> {

  public static final String DEFAULT_ENTITY = "row";
  static final long PROGRESS_EVERY = 10_000;

  public record Input(
      @Param(
              label = "Connection",
              description = "A file connection: its base directory holds the file")
          @NotBlank
          String connection,
      @Param(
              label = "Path",
              description = "Relative to the connection's base directory, e.g. in/orders.csv")
          @NotBlank
          String path,
      @Param(label = "Format", description = "Empty: from the file name (.csv, .jsonl)")
          FileFormat format,
      @Param(label = "Compression", defaultValue = "auto") Compression compression,
      @Param(label = "Delimiter", description = "CSV only; \\t for a tab", defaultValue = ",")
          String delimiter,
      @Param(
              label = "Header row",
              description = "CSV only; without one, columns are column1, column2, ...",
              defaultValue = "true")
          Boolean header,
      @Param(label = "Encoding", defaultValue = "UTF-8") String encoding,
      @Param(
              label = "Entity",
              description = "What the records are, for later steps",
              defaultValue = "row")
          String entity) {}

  private final FileRoots roots;

  public FileRead(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    BaseDirectory base =
        BaseDirectory.of(
            input.connection(),
            context.connection(input.connection(), FileConnection.class),
            roots.of(context.tenantId()));
    Path file = base.resolve(input.path());
    String path = base.relative(file);
    FileOptions options =
        FileOptions.of(
            file.getFileName().toString(),
            input.format(),
            input.compression(),
            input.delimiter(),
            input.header(),
            input.encoding());
    String entity =
        input.entity() == null || input.entity().isBlank()
            ? DEFAULT_ENTITY
            : input.entity().strip();
    context
        .log()
        .info(
            "Reading "
                + options.format().name().toLowerCase(Locale.ROOT)
                + " file '"
                + path
                + "' of connection '"
                + base.connection()
                + "' ("
                + options.charset().name()
                + (options.compression() == Compression.GZIP ? ", gzip" : "")
                + ")");
    try (DatasetWriter out = context.datasets().create(entity);
        BufferedReader reader = FileStreams.reader(file, options)) {
      read(reader, options, path, progressing(out, context));
      DatasetRef ref = out.finish();
      context.progress(ref.count(), ref.count());
      context.log().info("Read " + ref.count() + " records from '" + path + "'");
      return new ReadResult(ref, null);
    } catch (IOException e) {
      throw FileErrors.translate(e, "reading '" + path + "'", base);
    }
  }

  private static void read(
      BufferedReader reader, FileOptions options, String path, Consumer<ObjectNode> records)
      throws IOException {
    switch (options.format()) {
      case CSV -> new CsvRecordReader(options, path).read(reader, records);
      case JSONL -> new JsonLinesRecordReader(path).read(reader, records);
    }
  }

  /** Adds each record to the dataset, reporting progress every {@value #PROGRESS_EVERY} records. */
  private static Consumer<ObjectNode> progressing(DatasetWriter out, StepContext context) {
    return record -> {
      out.add(record);
      long done = out.count();
      if (done % PROGRESS_EVERY == 0) {
        context.progress(done, -1);
      }
    };
  }
}
