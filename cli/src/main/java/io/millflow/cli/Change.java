package io.millflow.cli;

/** One line of a plan: what happens to one object of the folder or of the target. */
record Change(Kind kind, String name, Action action, String detail) {

  enum Kind {
    CONNECTION("connection"),
    FLOW("flow"),
    TRIGGER("trigger"),
    SUBSCRIPTION("subscription");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  enum Action {
    CREATE("create"),
    UPDATE("update"),
    UNCHANGED("unchanged"),
    DELETE("would delete"),
    KEEP("not in folder, kept (--prune deletes)");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  boolean changes() {
    return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
  }

  String line() {
    String text = String.format("  %-13s %-40s %s", kind.label, name, action.label);
    return detail == null || detail.isEmpty() ? text : text + " (" + detail + ")";
  }
}
