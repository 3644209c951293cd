package io.millflow.example.firststep;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository this module is built in, for tests that check committed files against the code.
 */
final class RepositoryFiles {

  private RepositoryFiles() {}

  /** Maven runs tests in the module's folder, examples/first-step; the root is two levels up. */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    if (!Files.isRegularFile(root.resolve("docs/writing-a-step.md"))) {
      throw new IllegalStateException(
          "Cannot find the repository root (with docs/writing-a-step.md) from " + root);
    }
    return root;
  }
}
