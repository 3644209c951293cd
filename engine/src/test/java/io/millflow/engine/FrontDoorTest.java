package io.millflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays a short front door, and every link between the docs leads to a file that exists.
 */
class FrontDoorTest {

  private static final int MOST_README_CHARACTERS = 8_000;
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void theReadmeIsShort() throws IOException {
    assertThat(Files.readString(RepoPaths.root().resolve("README.md")).length())
        .isLessThan(MOST_README_CHARACTERS);
  }

  @Test
  void everyRelativeLinkOfTheDocsLeadsToAFile() throws IOException {
    Path root = RepoPaths.root();
    List<Path> pages = pages(root);
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher links = LINK.matcher(Files.readString(page));
      while (links.find()) {
        String target = links.group(1).replaceFirst("#.*", "");
        if (!target.isEmpty()
            && !target.matches("[a-z]+:.*")
            && !Files.exists(page.getParent().resolve(target))) {
          broken.add(root.relativize(page) + " -> " + links.group(1));
        }
      }
    }
    assertThat(pages).hasSizeGreaterThan(5);
    assertThat(broken).isEmpty();
  }

  private static List<Path> pages(Path root) throws IOException {
    List<Path> pages =
        new ArrayList<>(
            List.of(
                root.resolve("README.md"),
                root.resolve("bench/README.md"),
                root.resolve("bench/HISTORY.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }
}
