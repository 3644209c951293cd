package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The folder layout: {@code flows/<flowId>.bpmn}, {@code triggers/<name>.json}, {@code
 * subscriptions/<key>.json}, {@code connections/<name>.json}, {@code secrets.json}. Writing
 * replaces only those files (and removes those of objects the tenant no longer has); every other
 * file, such as {@code flows/<flowId>.test.yaml}, stays as it is.
 */
final class Folder {

  static final String FLOWS = "flows";
  static final String TRIGGERS = "triggers";
  static final String SUBSCRIPTIONS = "subscriptions";
  static final String CONNECTIONS = "connections";
  static final String SECRETS = "secrets.json";

  private final Path root;

  Folder(Path root) {
    this.root = root;
  }

  TenantSetup read() {
    if (!Files.isDirectory(root)) {
      throw new CliException("No folder " + root + ": export into it first (millflow export).");
    }
    return new TenantSetup(
        files(FLOWS, ".bpmn", (name, text) -> text),
        files(TRIGGERS, ".json", (name, text) -> json(TRIGGERS, name, text)),
        files(SUBSCRIPTIONS, ".json", (name, text) -> json(SUBSCRIPTIONS, name, text)),
        files(CONNECTIONS, ".json", (name, text) -> json(CONNECTIONS, name, text)),
        secrets());
  }

  void write(TenantSetup setup) {
    writeAll(FLOWS, ".bpmn", setup.flows(), bpmn -> bpmn);
    writeAll(TRIGGERS, ".json", setup.triggers(), StableJson::write);
    writeAll(SUBSCRIPTIONS, ".json", setup.subscriptions(), StableJson::write);
    writeAll(CONNECTIONS, ".json", setup.connections(), StableJson::write);
    ArrayNode names = StableJson.MAPPER.createArrayNode();
    setup.secrets().forEach(names::add);
    writeFile(root.resolve(SECRETS), StableJson.write(names));
  }

  private <T> void writeAll(
      String directory, String suffix, Map<String, T> objects, Function<T, String> text) {
    Path dir = root.resolve(directory);
    try {
      Files.createDirectories(dir);
      for (Path stale : listed(dir, suffix)) {
        if (!objects.containsKey(name(stale, suffix))) {
          Files.delete(stale);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    objects.forEach((name, object) -> writeFile(dir.resolve(name + suffix), text.apply(object)));
  }

  private static void writeFile(Path file, String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return;
      }
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> SortedMap<String, T> files(
      String directory, String suffix, BiFunction<String, String, T> parse) {
    SortedMap<String, T> found = new TreeMap<>();
    Path dir = root.resolve(directory);
    if (!Files.isDirectory(dir)) {
      return found;
    }
    for (Path file : listed(dir, suffix)) {
      found.put(name(file, suffix), parse.apply(name(file, suffix), text(file)));
    }
    return found;
  }

  private static JsonNode json(String directory, String name, String text) {
    return StableJson.read(text, directory + "/" + name + ".json");
  }

  private TreeSet<String> secrets() {
    Path file = root.resolve(SECRETS);
    TreeSet<String> names = new TreeSet<>();
    if (Files.exists(file)) {
      JsonNode list = StableJson.read(text(file), SECRETS);
      if (!list.isArray()) {
        throw new CliException(SECRETS + " must be a JSON array of secret names.");
      }
      list.forEach(name -> names.add(name.asText()));
    }
    return names;
  }

  /** The files of the layout in a directory: {@code x.bpmn}, but not {@code x.test.bpmn}. */
  private static List<Path> listed(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(suffix))
          .filter(file -> !name(file, suffix).contains(".test"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file, String suffix) {
    String fileName = file.getFileName().toString();
    return fileName.substring(0, fileName.length() - suffix.length());
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
