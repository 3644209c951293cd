package io.millflow.engine.flowtest;

import io.millflow.engine.flowtest.FlowTestFile.Expectation;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.engine.flowtest.FlowTestFile.StepRecords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares a run's outcome with its case's expectation, part by part, into readable mismatches. */
final class OutcomeCheck {

  private final List<Mismatch> mismatches = new ArrayList<>();

  private OutcomeCheck() {}

  static List<Mismatch> compare(Expectation expected, RunOutcome actual) {
    OutcomeCheck check = new OutcomeCheck();
    check.status(expected, actual);
    check.ledger(expected.ledger(), actual.ledger());
    expected
        .attempts()
        .forEach(
            (element, attempts) ->
                check.same(
                    "attempts of " + element,
                    attempts,
                    actual.attempts().getOrDefault(element, 0)));
    for (Sink sink : expected.sinks()) {
      List<Map<String, Object>> rows = actual.sinks().getOrDefault(sink.label(), List.of());
      check.rows(sink.label(), sink.count(), sink.rows(), rows, rows.size());
    }
    for (StepRecords records : expected.records()) {
      WrittenRecords written =
          actual.records().getOrDefault(records.element(), new WrittenRecords(0, List.of()));
      check.rows(records.label(), records.count(), records.rows(), written.rows(), written.count());
    }
    if (expected.events() != null) {
      check.same("events", expected.events(), actual.events());
    }
    if (expected.connectionEvents() != null) {
      check.same("connection events", expected.connectionEvents(), actual.connectionEvents());
    }
    return List.copyOf(check.mismatches);
  }

  private void status(Expectation expected, RunOutcome actual) {
    if (!expected.status().equals(actual.status())) {
      String error = actual.error() == null ? "" : " (" + actual.error() + ")";
      mismatches.add(new Mismatch("run status", expected.status(), actual.status() + error));
    }
  }

  private void ledger(Map<String, Object> expected, List<Map<String, Object>> paths) {
    if (expected.isEmpty()) {
      return;
    }
    if (paths.size() != 1) {
      mismatches.add(
          new Mismatch("ledger paths", "1 path", paths.size() + " paths: " + paths.toString()));
      return;
    }
    Map<String, Object> path = paths.getFirst();
    expected.forEach((count, value) -> same("ledger " + count, value, path.get(count)));
  }

  /** Rows that must be among {@code rows}, and how many there are, when a count is expected. */
  private void rows(
      String label,
      Integer count,
      List<Map<String, Object>> expected,
      List<Map<String, Object>> rows,
      long actualCount) {
    if (count != null) {
      same(label + " count", count, actualCount);
    }
    for (Map<String, Object> wanted : expected) {
      if (rows.stream().noneMatch(row -> matching(wanted, row) == wanted.size())) {
        mismatches.add(
            new Mismatch(
                label + " row " + wanted,
                wanted.toString(),
                nearest(wanted, rows)
                    .map(row -> "nearest row " + differences(wanted, row))
                    .orElse("no rows")));
      }
    }
  }

  private static java.util.Optional<Map<String, Object>> nearest(
      Map<String, Object> wanted, List<Map<String, Object>> rows) {
    return rows.stream().max(Comparator.comparingInt(row -> matching(wanted, row)));
  }

  /** The wanted columns with the row's values, those that differ marked: {@code a: x (not y)}. */
  private static String differences(Map<String, Object> wanted, Map<String, Object> row) {
    Map<String, String> shown = new LinkedHashMap<>();
    wanted.forEach(
        (column, value) ->
            shown.put(
                column,
                equal(value, row.get(column))
                    ? String.valueOf(row.get(column))
                    : row.get(column) + " (expected " + value + ")"));
    return shown.toString();
  }

  private static int matching(Map<String, Object> wanted, Map<String, Object> row) {
    return (int)
        wanted.entrySet().stream().filter(e -> equal(e.getValue(), row.get(e.getKey()))).count();
  }

  private void same(String what, Object expected, Object actual) {
    if (!equal(expected, actual)) {
      mismatches.add(new Mismatch(what, String.valueOf(expected), String.valueOf(actual)));
    }
  }

  /** Equal as values: numbers by value (25 = 25.0), lists item by item, everything else as text. */
  static boolean equal(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof List<?> a && actual instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    BigDecimal x = number(expected);
    BigDecimal y = number(actual);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(String.valueOf(expected), String.valueOf(actual));
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Boolean) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
