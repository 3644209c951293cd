package io.millflow.cli;

import java.io.PrintStream;
import java.util.List;

/** What applying a folder would do to a tenant, object by object. */
record Plan(List<Change> changes) {

  Plan {
    changes = List.copyOf(changes);
  }

  boolean changesAnything() {
    return changes.stream().anyMatch(Change::changes);
  }

  List<Change> of(Change.Kind kind, Change.Action action) {
    return changes.stream()
        .filter(change -> change.kind() == kind && change.action() == action)
        .toList();
  }

  void print(PrintStream out) {
    changes.forEach(change -> out.println(change.line()));
    long create = count(Change.Action.CREATE);
    long update = count(Change.Action.UPDATE);
    long delete = count(Change.Action.DELETE);
    long unchanged = count(Change.Action.UNCHANGED);
    out.printf(
        "Plan: %d to create, %d to update, %d to delete, %d unchanged.%n",
        create, update, delete, unchanged);
  }

  private long count(Change.Action action) {
    return changes.stream().filter(change -> change.action() == action).count();
  }
}
