package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares a folder with a tenant: per object create, update, unchanged, or delete (prune). */
final class Planner {

  private Planner() {}

  static Plan plan(TenantSetup folder, TenantSetup target, boolean prune) {
    List<Change> changes = new ArrayList<>();
    compare(Change.Kind.CONNECTION, folder.connections(), target.connections(), prune, changes);
    compare(Change.Kind.FLOW, folder.flows(), target.flows(), prune, changes);
    compare(Change.Kind.TRIGGER, folder.triggers(), target.triggers(), prune, changes);
    compare(
        Change.Kind.SUBSCRIPTION, folder.subscriptions(), target.subscriptions(), prune, changes);
    return new Plan(changes);
  }

  private static <T> void compare(
      Change.Kind kind,
      Map<String, T> wanted,
      Map<String, T> present,
      boolean prune,
      List<Change> changes) {
    TreeSet<String> names = new TreeSet<>(wanted.keySet());
    names.addAll(present.keySet());
    for (String name : names) {
      T want = wanted.get(name);
      T have = present.get(name);
      if (have == null) {
        changes.add(new Change(kind, name, Change.Action.CREATE, null));
      } else if (want == null) {
        changes.add(
            new Change(kind, name, prune ? Change.Action.DELETE : Change.Action.KEEP, null));
      } else if (same(want, have)) {
        changes.add(new Change(kind, name, Change.Action.UNCHANGED, null));
      } else {
        changes.add(new Change(kind, name, Change.Action.UPDATE, differences(want, have)));
      }
    }
  }

  private static boolean same(Object want, Object have) {
    if (want instanceof JsonNode wantJson && have instanceof JsonNode haveJson) {
      return StableJson.canonical(wantJson).equals(StableJson.canonical(haveJson));
    }
    return want.equals(have);
  }

  /**
   * The fields of two documents that differ, down into objects ({@code routes,
   * signature.toleranceSeconds}); a BPMN: none.
   */
  static String differences(Object want, Object have) {
    if (!(want instanceof JsonNode wantJson) || !(have instanceof JsonNode haveJson)) {
      return "BPMN changed: a new version";
    }
    List<String> paths = new ArrayList<>();
    differingPaths("", wantJson, haveJson, paths);
    return String.join(", ", paths);
  }

  private static void differingPaths(
      String prefix, JsonNode want, JsonNode have, List<String> paths) {
    for (String field : differingFields(want, have)) {
      JsonNode a = want.path(field);
      JsonNode b = have.path(field);
      if (a.isObject() && b.isObject()) {
        differingPaths(prefix + field + ".", a, b, paths);
      } else {
        paths.add(prefix + field);
      }
    }
  }

  static List<String> differingFields(JsonNode want, JsonNode have) {
    TreeSet<String> fields = new TreeSet<>();
    want.fieldNames().forEachRemaining(fields::add);
    have.fieldNames().forEachRemaining(fields::add);
    List<String> differing = new ArrayList<>();
    for (Iterator<String> it = fields.iterator(); it.hasNext(); ) {
      String field = it.next();
      JsonNode a = StableJson.canonical(want.path(field));
      JsonNode b = StableJson.canonical(have.path(field));
      if (!a.equals(b)) {
        differing.add(field);
      }
    }
    return differing;
  }
}
