package io.millflow.engine.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The flows Millflow ships (module {@code flow-definitions}), listed in {@code
 * millflow/flows/index.txt}; a test keeps that index equal to the folder.
 */
public final class BundledFlows {

  static final String FOLDER = "millflow/flows/";

  private BundledFlows() {}

  /** Each bundled BPMN as text, in index order. */
  public static List<String> load() {
    List<String> flows = new ArrayList<>();
    for (String name : index()) {
      flows.add(read(FOLDER + name));
    }
    return flows;
  }

  public static List<String> index() {
    return read(FOLDER + "index.txt")
        .lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String read(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Bundled flow resource missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
