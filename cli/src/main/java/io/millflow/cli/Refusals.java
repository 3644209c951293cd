package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes apply refuse a whole folder before it changes anything: a secret or connection (or a
 * connection's credential) the target lacks, which the folder cannot bring since it never holds
 * values; and a change the API cannot make.
 */
final class Refusals {

  /**
   * A trigger's fields that {@code PUT /api/triggers/{id}} changes (its definition); the others,
   * such as {@code pausedAt}, it cannot.
   */
  static final Set<String> TRIGGER_EDITABLE =
      Set.of("name", "signature", "eventId", "routes", "matchAll", "maxBodyBytes", "ordering");

  private static final String HIDDEN = "(hidden)";

  private Refusals() {}

  static List<String> of(TenantSetup folder, LiveTenant target, Plan plan) {
    List<String> refusals = new ArrayList<>();
    missingSecrets(folder, target, refusals);
    missingConnections(folder, target, refusals);
    connectionsThatCannotBeWritten(folder, target, plan, refusals);
    triggersThatCannotBeChanged(folder, target, plan, refusals);
    subscriptionsThatCannotBeChanged(folder, target, plan, refusals);
    routesToMissingFlows(folder, target, refusals);
    return refusals;
  }

  private static void missingSecrets(TenantSetup folder, LiveTenant target, List<String> refusals) {
    TreeSet<String> needed = new TreeSet<>(folder.secrets());
    needed.addAll(TenantSetup.secretsUsedBy(folder.flows().values()));
    needed.removeAll(target.secretNames());
    needed.forEach(
        name ->
            refusals.add(
                "secret '"
                    + name
                    + "' is missing in the target: save it there first (PUT /api/secrets/"
                    + name
                    + ")"));
  }

  private static void missingConnections(
      TenantSetup folder, LiveTenant target, List<String> refusals) {
    for (String name : folder.connectionsUsedByFlows()) {
      if (!target.usableConnections().containsKey(name)
          && !folder.connections().containsKey(name)) {
        refusals.add(
            "connection '"
                + name
                + "' is used by a flow but missing in the target and in the folder");
      }
    }
    folder
        .connections()
        .forEach(
            (name, definition) -> {
              List<String> credentials = texts(definition.path("credentials"));
              JsonNode present = target.usableConnections().get(name);
              if (present == null && !credentials.isEmpty()) {
                refusals.add(
                    "connection '"
                        + name
                        + "' is missing in the target with its credentials "
                        + String.join(", ", credentials)
                        + ": create it there first (the folder holds no credential values)");
              } else if (present != null) {
                List<String> missing = new ArrayList<>(credentials);
                missing.removeAll(texts(present.path("credentials")));
                missing.forEach(
                    credential ->
                        refusals.add(
                            "credential '"
                                + credential
                                + "' of connection '"
                                + name
                                + "' is missing in the target"));
              }
            });
  }

  private static void connectionsThatCannotBeWritten(
      TenantSetup folder, LiveTenant target, Plan plan, List<String> refusals) {
    for (Change.Action action : List.of(Change.Action.CREATE, Change.Action.UPDATE)) {
      for (Change change : plan.of(Change.Kind.CONNECTION, action)) {
        String name = change.name();
        JsonNode present = target.usableConnections().get(name);
        if (present != null && !"api".equals(present.path("origin").asText())) {
          refusals.add(
              "connection '"
                  + name
                  + "' comes from the target's "
                  + present.path("origin").asText()
                  + ", not the API: change it there, or drop connections/"
                  + name
                  + ".json");
        }
        folder
            .connections()
            .get(name)
            .path("settings")
            .fields()
            .forEachRemaining(
                setting -> {
                  if (setting.getValue().asText().contains(HIDDEN)) {
                    refusals.add(
                        "setting '"
                            + setting.getKey()
                            + "' of connection '"
                            + name
                            + "' is hidden in the folder, so apply cannot write it: set the connection in the target by hand");
                  }
                });
      }
    }
  }

  private static void triggersThatCannotBeChanged(
      TenantSetup folder, LiveTenant target, Plan plan, List<String> refusals) {
    for (Change change : plan.of(Change.Kind.TRIGGER, Change.Action.UPDATE)) {
      List<String> fixed =
          Planner.differingFields(
                  folder.triggers().get(change.name()),
                  target.setup().triggers().get(change.name()))
              .stream()
              .filter(field -> !TRIGGER_EDITABLE.contains(field))
              .toList();
      if (!fixed.isEmpty()) {
        refusals.add(
            "trigger '"
                + change.name()
                + "': "
                + String.join(", ", fixed)
                + (fixed.size() == 1 ? " differs" : " differ")
                + ", which apply does not change (it changes a trigger's "
                + String.join(", ", new TreeSet<>(TRIGGER_EDITABLE))
                + ")"
                + (fixed.contains("pausedAt")
                    ? ": pause or resume the trigger in the target"
                        + " (POST or DELETE /api/triggers/{id}/pause)"
                    : ""));
      }
    }
  }

  private static void subscriptionsThatCannotBeChanged(
      TenantSetup folder, LiveTenant target, Plan plan, List<String> refusals) {
    for (Change change : plan.of(Change.Kind.SUBSCRIPTION, Change.Action.UPDATE)) {
      if (Planner.differingFields(
              folder.subscriptions().get(change.name()),
              target.setup().subscriptions().get(change.name()))
          .contains("url")) {
        refusals.add(
            "subscription '"
                + change.name()
                + "': its url differs, and the API changes only a subscription's eventTypes:"
                + " put the new url in a file of its own (a new subscription)");
      }
    }
  }

  /** The API refuses a route to a flow that does not exist, unless it says "deploy later". */
  private static void routesToMissingFlows(
      TenantSetup folder, LiveTenant target, List<String> refusals) {
    folder
        .triggers()
        .forEach(
            (name, trigger) ->
                trigger
                    .path("routes")
                    .forEach(
                        route -> {
                          String flow = route.path("flowId").asText("");
                          if (!flow.isEmpty()
                              && !route.path("deployLater").asBoolean(false)
                              && !folder.flows().containsKey(flow)
                              && !target.setup().flows().containsKey(flow)) {
                            refusals.add(
                                "trigger '"
                                    + name
                                    + "' routes to flow '"
                                    + flow
                                    + "', which is neither in the folder nor in the target");
                          }
                        }));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
