package io.millflow.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the source tree, for tests that check committed files against the code. */
public final class RepoPaths {

  private RepoPaths() {}

  public static Path root() {
    String configured = System.getProperty("repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(root.resolve("flow-definitions"))) {
      throw new IllegalStateException("Cannot find the repository root from " + root);
    }
    return root;
  }

  public static Path flowDefinitions() {
    return root().resolve("flow-definitions");
  }
}
