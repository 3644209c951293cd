package io.millflow.example.firststep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a markdown page that show regions of source files. A block is announced by a
 * comment line {@code <!-- snippet: path/from/repository/root#region -->} right before its fence;
 * the region lies in the source file between a line {@code // snippet:region} (or {@code <!--
 * snippet:region -->}) and the next line holding {@code end-snippet}, marker lines left out and the
 * common indentation removed.
 */
final class DocSnippets {

  private static final Pattern ANNOUNCED = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");
  private static final Pattern REGION_START =
      Pattern.compile("^\\s*(?://|<!--)\\s*snippet:(\\S+?)(?:\\s*-->)?\\s*$");
  private static final String REGION_END = "end-snippet";
  private static final String FENCE = "```";

  private final Path root;

  DocSnippets(Path root) {
    this.root = root;
  }

  /**
   * The page with each announced block's content replaced by its source region: equal to the page
   * when none drifted.
   */
  String render(List<String> page) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      out.add(page.get(i));
      Matcher announced = ANNOUNCED.matcher(page.get(i).strip());
      if (!announced.matches()) {
        continue;
      }
      if (i + 1 >= page.size() || !page.get(i + 1).startsWith(FENCE)) {
        throw new IllegalStateException(
            "Line " + (i + 1) + ": a snippet comment must be followed by a ``` fence");
      }
      out.add(page.get(++i));
      int end = i + 1;
      while (end < page.size() && !page.get(end).equals(FENCE)) {
        end++;
      }
      out.addAll(region(announced.group(1), announced.group(2)));
      out.add(FENCE);
      i = end;
    }
    return String.join("\n", out) + "\n";
  }

  /** {@code path#region} of every block the page announces, in page order. */
  List<String> announced(List<String> page) {
    return page.stream()
        .map(line -> ANNOUNCED.matcher(line.strip()))
        .filter(Matcher::matches)
        .map(m -> m.group(1) + "#" + m.group(2))
        .toList();
  }

  /** {@code path#region} of every region marked in the given source files. */
  List<String> marked(List<String> paths) {
    List<String> regions = new ArrayList<>();
    for (String path : paths) {
      regionsOf(path).keySet().forEach(name -> regions.add(path + "#" + name));
    }
    return regions;
  }

  List<String> region(String path, String name) {
    List<String> lines = regionsOf(path).get(name);
    if (lines == null) {
      throw new IllegalStateException(path + " marks no region '" + name + "'");
    }
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
  }

  private Map<String, List<String>> regionsOf(String path) {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    List<String> open = null;
    for (String line : read(root.resolve(path))) {
      Matcher start = REGION_START.matcher(line);
      if (start.matches()) {
        open = new ArrayList<>();
        regions.put(start.group(1), open);
      } else if (line.contains(REGION_END)) {
        open = null;
      } else if (open != null) {
        open.add(line);
      }
    }
    return regions;
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
