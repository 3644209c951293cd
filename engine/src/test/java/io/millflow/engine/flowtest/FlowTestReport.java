package io.millflow.engine.flowtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The results as a person reads them (one line per case, mismatches as expected / actual) and as
 * JUnit XML, one test suite per test file, for CI to show.
 */
final class FlowTestReport {

  private final List<CaseResult> results;

  FlowTestReport(List<CaseResult> results) {
    this.results = List.copyOf(results);
  }

  boolean passed() {
    return results.stream().allMatch(CaseResult::passed);
  }

  String text() {
    StringBuilder out = new StringBuilder();
    byFile()
        .forEach(
            (file, cases) -> {
              out.append(file).append('\n');
              for (CaseResult result : cases) {
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %-5s %s (%.1f s)%n",
                        result.passed() ? "PASS" : result.error() != null ? "ERROR" : "FAIL",
                        result.name(),
                        result.took().toMillis() / 1000.0));
                result.mismatches().forEach(m -> out.append("    ").append(m).append('\n'));
                if (result.error() != null) {
                  out.append("    ").append(result.error()).append('\n');
                }
              }
            });
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.append(
        String.format(
            Locale.ROOT,
            "Flow tests: %d cases, %d passed, %d failed%n",
            results.size(),
            results.size() - failed,
            failed));
    return out.toString();
  }

  /** Writes {@code TEST-flow-tests.xml} into {@code folder} and returns its path. */
  Path writeJUnitXml(Path folder) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    byFile()
        .forEach(
            (file, cases) -> {
              xml.append(
                  String.format(
                      Locale.ROOT,
                      "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.3f\">%n",
                      escape(file),
                      cases.size(),
                      cases.stream().filter(c -> !c.mismatches().isEmpty()).count(),
                      cases.stream().filter(c -> c.error() != null).count(),
                      cases.stream().mapToLong(c -> c.took().toMillis()).sum() / 1000.0));
              cases.forEach(result -> xml.append(testCase(file, result)));
              xml.append("  </testsuite>\n");
            });
    xml.append("</testsuites>\n");
    try {
      Files.createDirectories(folder);
      Path report = folder.resolve("TEST-flow-tests.xml");
      Files.writeString(report, xml);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String testCase(String file, CaseResult result) {
    String open =
        String.format(
            Locale.ROOT,
            "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
            escape(file),
            escape(result.name()),
            result.took().toMillis() / 1000.0);
    if (result.passed()) {
      return open + "/>\n";
    }
    String element = result.error() != null ? "error" : "failure";
    String detail =
        result.error() != null
            ? result.error()
            : result.mismatches().stream()
                .map(Mismatch::toString)
                .collect(Collectors.joining("\n"));
    return open
        + ">\n      <"
        + element
        + " message=\""
        + escape(detail.lines().findFirst().orElse(""))
        + "\">"
        + escape(detail)
        + "</"
        + element
        + ">\n    </testcase>\n";
  }

  private Map<String, List<CaseResult>> byFile() {
    return results.stream()
        .collect(Collectors.groupingBy(CaseResult::file, TreeMap::new, Collectors.toList()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
