package io.millflow.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a dataset to one CSV or JSON Lines file, optionally gzip-compressed, inside a {@code file}
 * connection's base directory. The records are streamed to a temporary file next to the target,
 * which replaces the target in one atomic rename only when complete: a failed write leaves the
 * target as it was. CSV columns come from the first record (see {@link
 * io.millflow.step.csv.CsvRows}). Example input: {@code {"connection": "exports", "path":
 * "out/orders.csv", "mode": "overwrite", "records": "=orders"}}.
 */
@Singleton
@StepType(
    id = "file.write",
    name = "Write a file",
    group = "Files",
    timeoutSeconds = 600,
    description =
        "Writes a dataset to a CSV or JSON Lines file, optionally gzip-compressed, atomically.")
public final class FileWrite implements Step<FileWrite.Input, WriteResult> {

  static final long PROGRESS_EVERY = 10_000;

  public record Input(
      @Param(label = "Connection", description = "A file connection that is not read-only")
          @NotBlank
          String connection,
      @Param(
              label = "Path",
              description = "Relative to the connection's base directory, e.g. out/orders.csv")
          @NotBlank
          String path,
      @Param(label = "Format", description = "Empty: from the file name (.csv, .jsonl)")
          FileFormat format,
      @Param(label = "Compression", defaultValue = "auto") Compression compression,
      @Param(label = "Delimiter", description = "CSV only; \\t for a tab", defaultValue = ",")
          String delimiter,
      @Param(label = "Header row", description = "CSV only", defaultValue = "true") Boolean header,
      @Param(label = "Encoding", defaultValue = "UTF-8") String encoding,
      @Param(label = "If the file exists", defaultValue = "create") FileWriteMode mode,
      @Param(label = "Records", description = "The dataset to write, e.g. =orders") @NotNull @Valid
          DatasetRef records) {}

  private final FileRoots roots;

  public FileWrite(FileRoots roots) {
    this.roots = roots;
  }

  @Override
  public WriteResult run(Input input, StepContext context) {
    Instant start = context.clock().instant();
    BaseDirectory base =
        BaseDirectory.of(
            input.connection(),
            context.connection(input.connection(), FileConnection.class),
            roots.of(context.tenantId()));
    Path target = base.resolve(input.path());
    String path = base.relative(target);
    if (base.readOnly()) {
      throw new StepFailure(
          "READ_ONLY",
          "Connection '"
              + base.connection()
              + "' is read-only, so '"
              + path
              + "' cannot be written: use a connection without readOnly=true for writing.");
    }
    FileOptions options =
        FileOptions.of(
            target.getFileName().toString(),
            input.format(),
            input.compression(),
            input.delimiter(),
            input.header(),
            input.encoding());
    FileWriteMode mode = input.mode() == null ? FileWriteMode.CREATE : input.mode();
    long written =
        write(
            input.records(),
            target,
            mode,
            content(input.records(), options, path, context),
            base,
            path);
    long millis = Duration.between(start, context.clock().instant()).toMillis();
    context.progress(written, written);
    context
        .log()
        .info(
            "Wrote "
                + written
                + " "
                + input.records().entity()
                + " records to "
                + options.format().name().toLowerCase(Locale.ROOT)
                + " file '"
                + path
                + "' of connection '"
                + base.connection()
                + "' ("
                + mode.name().toLowerCase(Locale.ROOT)
                + ") in "
                + millis
                + " ms");
    return new WriteResult(path, written, 0, 0, millis);
  }

  private static long write(
      DatasetRef records,
      Path target,
      FileWriteMode mode,
      AtomicFile.Content content,
      BaseDirectory base,
      String path) {
    try {
      return AtomicFile.write(target, mode, content);
    } catch (IOException e) {
      throw FileErrors.translate(e, "writing '" + path + "'", base);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof JsonProcessingException json) {
        throw new StepFailure(
            "INVALID_RECORD",
            "A record of dataset "
                + records.dataset()
                + " cannot be read: "
                + json.getOriginalMessage()
                + ". Fix the step that produced it.",
            e);
      }
      throw e;
    }
  }

  private static AtomicFile.Content content(
      DatasetRef records, FileOptions options, String path, StepContext context) {
    return out -> {
      try (Stream<JsonNode> stream = context.datasets().read(records, JsonNode.class);
          Writer text = FileStreams.writer(out, options)) {
        RecordWriter writer = RecordWriter.of(options, text, path);
        return copy(stream.iterator(), writer, records.count(), context);
      }
    };
  }

  private static long copy(
      Iterator<JsonNode> records, RecordWriter writer, long total, StepContext context)
      throws IOException {
    long count = 0;
    while (records.hasNext()) {
      writer.write(records.next(), ++count);
      if (count % PROGRESS_EVERY == 0) {
        context.progress(count, total);
      }
    }
    writer.finish();
    return count;
  }
}
