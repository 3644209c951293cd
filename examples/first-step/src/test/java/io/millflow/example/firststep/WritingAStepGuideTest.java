package io.millflow.example.firststep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-step.md shows this module's code: every marked region of it, exactly as it is
 * here, so the guide cannot drift from code that compiles and passes its tests.
 */
class WritingAStepGuideTest {

  static final String GUIDE = "docs/writing-a-step.md";
  static final String UPDATE_PROPERTY = "update-snippets";
  private static final String MODULE = "examples/first-step/";
  private static final List<String> SOURCES =
      List.of(
          MODULE + "pom.xml",
          MODULE + "src/main/java/io/millflow/example/firststep/ScrapCheck.java",
          MODULE + "src/test/java/io/millflow/example/firststep/ScrapCheckTest.java");

  private final Path root = RepositoryFiles.root();
  private final DocSnippets snippets = new DocSnippets(root);
  private final List<String> page = DocSnippets.read(root.resolve(GUIDE));

  @Test
  void showsEveryMarkedRegionOfTheExampleOnce() {
    assertThat(snippets.announced(page))
        .containsExactlyInAnyOrderElementsOf(snippets.marked(SOURCES))
        .isNotEmpty();
  }

  @Test
  void itsCodeBlocksAreTheExamplesSource() throws IOException {
    String rendered = snippets.render(page);
    String current = String.join("\n", page) + "\n";
    if (rendered.equals(current)) {
      return;
    }
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(root.resolve(GUIDE), rendered, StandardCharsets.UTF_8);
      return;
    }
    Path scratch = root.resolve(MODULE + "target/writing-a-step.md");
    Files.createDirectories(scratch.getParent());
    Files.writeString(scratch, rendered, StandardCharsets.UTF_8);
    throw new AssertionError(
        GUIDE
            + " shows code that is not the example's source. The page with the source's code is"
            + " in "
            + scratch
            + " (compare: diff "
            + GUIDE
            + " "
            + scratch
            + "). To update the page's code blocks: ./mvnw"
            + " -pl examples/first-step -am test -Dtest=WritingAStepGuideTest -Dsurefire.failIfNoSpecifiedTests=false -D"
            + UPDATE_PROPERTY);
  }
}
