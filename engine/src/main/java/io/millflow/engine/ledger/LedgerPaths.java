package io.millflow.engine.ledger;

import io.millflow.step.Rejects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a run's source-to-sink paths from the datasets its steps read and wrote, and balances each:
 * a path ends at each step that writes (a sink) and reaches back through the steps that made its
 * datasets to the ones that read them from a system (its sources). One source fanned out to two
 * sinks makes two paths, each balanced on its own.
 */
final class LedgerPaths {

  private final List<StepContribution> steps;
  private final Map<String, StepContribution> producerOf = new HashMap<>();

  private LedgerPaths(List<StepContribution> steps) {
    this.steps = steps;
    // a sink's or a dry run's datasets (per-record results, a diff) are about its write, not
    // records handed on: a step that reads them starts a path of its own
    steps.stream()
        .filter(step -> step.role() == Role.SOURCE || step.role() == Role.TRANSFORM)
        .forEach(step -> step.datasetsOut().forEach(dataset -> producerOf.put(dataset, step)));
  }

  static List<PathLedger> of(List<StepContribution> steps) {
    LedgerPaths paths = new LedgerPaths(steps);
    return steps.stream()
        .filter(step -> step.role() == Role.SINK || step.role() == Role.UNACCOUNTED_SINK)
        .map(paths::pathTo)
        .toList();
  }

  /** The path that ends at this sink, among the run's steps (the sink included). */
  static PathLedger to(List<StepContribution> steps, StepContribution sink) {
    return new LedgerPaths(steps).pathTo(sink);
  }

  private PathLedger pathTo(StepContribution sink) {
    List<StepContribution> upstream = upstreamOf(sink);
    List<StepContribution> origins =
        upstream.stream().filter(step -> producers(step).isEmpty()).toList();
    List<StepContribution> between =
        upstream.stream().filter(step -> step != sink && step.role() != Role.SOURCE).toList();
    long read = origins.stream().mapToLong(StepContribution::read).sum();
    long mapped =
        producers(sink).isEmpty()
            ? sink.read()
            : producers(sink).stream().mapToLong(StepContribution::passedOn).sum();
    Rejects rejected =
        between.stream()
            .map(StepContribution::rejected)
            .reduce(Rejects.NONE, Rejects::plus)
            .plus(sink.rejected());
    long collapsed = between.stream().mapToLong(StepContribution::collapsed).sum();
    long filtered = between.stream().mapToLong(StepContribution::filtered).sum();
    boolean checked = sink.role() == Role.SINK;
    long gap = checked ? read - rejected.count() - collapsed - filtered - sink.written() : 0;
    String gapAt = checked ? whereRecordsWentMissing(upstream, sink) : null;
    StepContribution source =
        origins.stream()
            .filter(step -> step.role() == Role.SOURCE)
            .findFirst()
            .orElse(origins.isEmpty() ? sink : origins.getFirst());
    return new PathLedger(
        origins.stream().map(StepContribution::elementId).collect(Collectors.joining(" + ")),
        sink.elementId(),
        new PathLedger.Window(source.windowFrom(), source.windowTo()),
        read,
        mapped,
        sink.inserted(),
        sink.updated(),
        sink.unchanged(),
        sink.skippedOlder(),
        rejected.count(),
        rejected.reasons(),
        rejected.records(),
        sink.rejected().count(),
        collapsed,
        filtered,
        gap == 0 && gapAt == null,
        gap,
        gapAt,
        checked,
        fillRates(between),
        warnings(between, sink),
        newFieldsSeen(between));
  }

  /** The steps whose datasets reach the sink, sources first, the sink last. */
  private List<StepContribution> upstreamOf(StepContribution sink) {
    Set<StepContribution> seen = new LinkedHashSet<>();
    collect(sink, seen);
    List<StepContribution> ordered = new ArrayList<>(seen);
    java.util.Collections.reverse(ordered);
    return ordered;
  }

  private void collect(StepContribution step, Set<StepContribution> seen) {
    if (seen.add(step)) {
      producers(step).forEach(producer -> collect(producer, seen));
    }
  }

  private List<StepContribution> producers(StepContribution step) {
    return step.datasetsIn().stream()
        .map(producerOf::get)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }

  /**
   * The first step that lost records, or the first hand-over where fewer records arrived than were
   * passed on.
   */
  private String whereRecordsWentMissing(List<StepContribution> upstream, StepContribution sink) {
    for (StepContribution step : upstream) {
      if (step.lost() != 0) {
        return step.elementId()
            + " (read "
            + step.read()
            + ", passed on "
            + step.passedOn()
            + ", rejected "
            + step.rejected().count()
            + ", collapsed "
            + step.collapsed()
            + ", filtered out "
            + step.filtered()
            + ")";
      }
      List<StepContribution> producers = producers(step);
      long handed = producers.stream().mapToLong(StepContribution::passedOn).sum();
      if (!producers.isEmpty() && handed != step.read()) {
        return "between "
            + producers.stream().map(StepContribution::elementId).collect(Collectors.joining(" + "))
            + " and "
            + step.elementId()
            + " ("
            + handed
            + " passed on, "
            + step.read()
            + " taken)";
      }
    }
    return null;
  }

  private static Map<String, PathLedger.Fill> fillRates(List<StepContribution> between) {
    Map<String, PathLedger.Fill> rates = new LinkedHashMap<>();
    between.forEach(
        step ->
            step.fillRates().forEach((field, fill) -> rates.put(field, PathLedger.Fill.of(fill))));
    return rates;
  }

  /** The source fields outside their published shape, with how many records carried each. */
  private static Map<String, Long> newFieldsSeen(List<StepContribution> between) {
    Map<String, Long> seen = new java.util.TreeMap<>();
    between.forEach(
        step -> step.newFieldsSeen().forEach((name, n) -> seen.merge(name, n, Long::sum)));
    return seen;
  }

  private static List<String> warnings(List<StepContribution> between, StepContribution sink) {
    List<String> warnings = new ArrayList<>();
    between.forEach(step -> warnings.addAll(step.warnings()));
    if (sink.rejected().count() > 0) {
      warnings.add(
          sink.elementId()
              + " rejected "
              + sink.rejected().count()
              + " records "
              + sink.rejected().records()
              + ": the sources' cursors stay where they were, so the next run reads them again.");
    }
    if (sink.role() == Role.UNACCOUNTED_SINK) {
      warnings.add(
          sink.elementId()
              + " ("
              + sink.stepType()
              + ") does not report what it did with the records it"
              + " took: this path is not checked.");
    }
    return warnings;
  }
}
