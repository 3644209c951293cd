package io.millflow.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One test's base directory, a {@code file} connection onto it, a step context, and the two steps.
 */
final class FileFixture {

  static final String CONNECTION = "files";

  private final Path base;
  private final TestStepContext context;

  FileFixture(Path base) {
    this(base, Map.of());
  }

  FileFixture(Path base, Map<String, String> extraSettings) {
    this.base = base;
    var settings = new HashMap<>(extraSettings);
    settings.put("baseDirectory", base.toString());
    this.context =
        new TestStepContext()
            .withConnection(new Connection(CONNECTION, "file", settings, Map.of()));
  }

  Path base() {
    return base;
  }

  TestStepContext context() {
    return context;
  }

  /** Reads with every option at its default. */
  ReadResult read(String path) {
    return read(path, null, null, null, null);
  }

  ReadResult read(
      String path, FileFormat format, String delimiter, Boolean header, String encoding) {
    return new FileRead(FileRoots.only(base))
        .run(
            new FileRead.Input(CONNECTION, path, format, null, delimiter, header, encoding, null),
            context);
  }

  ReadResult read(FileRead.Input input) {
    return new FileRead(FileRoots.only(base)).run(input, context);
  }

  List<JsonNode> records(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class);
  }

  /** Records as the dataset store hands them back, to compare with what a step read. */
  static List<JsonNode> asJson(List<?> records) {
    return records.stream().map(record -> (JsonNode) Json.mapper().valueToTree(record)).toList();
  }

  DatasetRef dataset(List<?> records) {
    return context.datasets().put("row", records);
  }

  /** Writes in create mode with every other option at its default. */
  WriteResult write(String path, List<?> records) {
    return write(path, FileWriteMode.CREATE, records);
  }

  WriteResult write(String path, FileWriteMode mode, List<?> records) {
    return write(
        new FileWrite.Input(
            CONNECTION, path, null, null, null, null, null, mode, dataset(records)));
  }

  WriteResult write(FileWrite.Input input) {
    return new FileWrite(FileRoots.only(base)).run(input, context);
  }

  Path file(String path) {
    return base.resolve(path);
  }

  void writeText(String path, String text) throws IOException {
    writeText(path, text, StandardCharsets.UTF_8);
  }

  void writeText(String path, String text, Charset charset) throws IOException {
    Files.createDirectories(file(path).getParent());
    Files.writeString(file(path), text, charset);
  }

  String readText(String path) throws IOException {
    return Files.readString(file(path));
  }
}
