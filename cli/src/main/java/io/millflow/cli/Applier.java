package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/**
 * Carries out a plan through the API, in the order references need: connections, flows (routes name
 * them), triggers, subscriptions; then what --prune deletes. Unchanged objects are not sent, so
 * applying a folder twice changes nothing (and deploys no new flow version).
 */
final class Applier {

  private final ApiClient api;
  private final PrintStream out;

  Applier(ApiClient api, PrintStream out) {
    this.api = api;
    this.out = out;
  }

  void apply(Plan plan, TenantSetup folder, LiveTenant target) {
    connections(plan, folder);
    flows(plan, folder);
    triggers(plan, folder, target);
    subscriptions(plan, folder, target);
    prune(plan, target);
  }

  private void connections(Plan plan, TenantSetup folder) {
    for (Change change : writes(plan, Change.Kind.CONNECTION)) {
      ObjectNode body = StableJson.MAPPER.createObjectNode();
      JsonNode definition = folder.connections().get(change.name());
      body.set("type", definition.get("type"));
      body.set("settings", definition.path("settings"));
      api.sendJson("PUT", "api/connections/" + ApiClient.segment(change.name()), body);
      done(change);
    }
  }

  private void flows(Plan plan, TenantSetup folder) {
    for (Change change : writes(plan, Change.Kind.FLOW)) {
      JsonNode deployed = api.sendXml("POST", "api/flows", folder.flows().get(change.name()));
      done(change, "version " + deployed.path("version").asText());
    }
  }

  private void triggers(Plan plan, TenantSetup folder, LiveTenant target) {
    for (Change change : plan.of(Change.Kind.TRIGGER, Change.Action.CREATE)) {
      JsonNode created = api.sendJson("POST", "api/triggers", folder.triggers().get(change.name()));
      done(change, "webhook " + created.path("trigger").path("url").asText());
      out.println(
          "    its secret, shown only this once (store it with the sender): "
              + created.path("secret").asText());
    }
    for (Change change : plan.of(Change.Kind.TRIGGER, Change.Action.UPDATE)) {
      // The whole definition, in place: the trigger keeps its id, URL and secret.
      ObjectNode body = folder.triggers().get(change.name()).deepCopy();
      body.retain(Refusals.TRIGGER_EDITABLE);
      String id = target.triggerIds().get(change.name());
      api.sendJson("PUT", "api/triggers/" + ApiClient.segment(id), body);
      done(change);
    }
  }

  private void subscriptions(Plan plan, TenantSetup folder, LiveTenant target) {
    for (Change change : plan.of(Change.Kind.SUBSCRIPTION, Change.Action.UPDATE)) {
      // The key is the URL, so an update changes the event types; the signing secret stays.
      ObjectNode body = StableJson.MAPPER.createObjectNode();
      body.set("eventTypes", folder.subscriptions().get(change.name()).get("eventTypes"));
      String id = target.subscriptionIds().get(change.name());
      api.sendJson("PUT", "api/subscriptions/" + id + "/event-types", body);
      done(change);
    }
    for (Change change : plan.of(Change.Kind.SUBSCRIPTION, Change.Action.CREATE)) {
      createSubscription(change, folder);
    }
  }

  private void createSubscription(Change change, TenantSetup folder) {
    JsonNode created =
        api.sendJson("POST", "api/subscriptions", folder.subscriptions().get(change.name()));
    done(change);
    out.println(
        "    its signing secret, shown only this once (store it with the receiver): "
            + created.path("secret").asText());
  }

  private void prune(Plan plan, LiveTenant target) {
    for (Change change : plan.of(Change.Kind.TRIGGER, Change.Action.DELETE)) {
      deleted(change, api.delete("api/triggers/" + target.triggerIds().get(change.name())));
    }
    for (Change change : plan.of(Change.Kind.SUBSCRIPTION, Change.Action.DELETE)) {
      deleted(
          change, api.delete("api/subscriptions/" + target.subscriptionIds().get(change.name())));
    }
    for (Change change : plan.of(Change.Kind.FLOW, Change.Action.DELETE)) {
      deleted(change, api.delete("api/flows/" + ApiClient.segment(change.name())));
    }
    for (Change change : plan.of(Change.Kind.CONNECTION, Change.Action.DELETE)) {
      deleted(change, api.delete("api/connections/" + ApiClient.segment(change.name())));
    }
  }

  private List<Change> writes(Plan plan, Change.Kind kind) {
    return plan.changes().stream()
        .filter(change -> change.kind() == kind)
        .filter(
            change ->
                change.action() == Change.Action.CREATE || change.action() == Change.Action.UPDATE)
        .toList();
  }

  private void deleted(Change change, boolean done) {
    if (done) {
      out.println("  deleted " + change.kind().label + " " + change.name());
    } else {
      out.println(
          "  kept "
              + change.kind().label
              + " "
              + change.name()
              + ": this runtime's API cannot delete it");
    }
  }

  private void done(Change change) {
    out.println("  " + change.action().label + "d " + change.kind().label + " " + change.name());
  }

  private void done(Change change, String detail) {
    out.println(
        "  "
            + change.action().label
            + "d "
            + change.kind().label
            + " "
            + change.name()
            + ": "
            + detail);
  }
}
