package io.millflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the token's tenant through the API, into the folder's form. */
final class RuntimeReader {

  /** What a trigger's view holds that is the runtime's, not the definition's. */
  private static final List<String> TRIGGER_RUNTIME_FIELDS = List.of("id", "url", "createdAt");

  private final ApiClient api;

  RuntimeReader(ApiClient api) {
    this.api = api;
  }

  LiveTenant read() {
    Map<String, String> flows = new TreeMap<>();
    for (JsonNode flow : api.getJson("api/flows")) {
      String id = flow.get("id").asText();
      api.findText("api/flows/" + ApiClient.segment(id) + "/bpmn")
          .ifPresent(bpmn -> flows.put(id, bpmn));
    }
    Map<String, JsonNode> triggers = new TreeMap<>();
    Map<String, String> triggerIds = new HashMap<>();
    for (JsonNode trigger : api.getJson("api/triggers")) {
      String name = trigger.get("name").asText();
      if (triggerIds.put(name, trigger.get("id").asText()) != null) {
        throw new CliException(
            "Two triggers are named '"
                + name
                + "': rename one, since the folder keys triggers by name.");
      }
      ObjectNode definition = trigger.deepCopy();
      definition.remove(TRIGGER_RUNTIME_FIELDS);
      triggers.put(name, StableJson.canonical(definition));
    }
    Map<String, JsonNode> subscriptions = new TreeMap<>();
    Map<String, String> subscriptionIds = new HashMap<>();
    readSubscriptions(subscriptions, subscriptionIds);
    Map<String, JsonNode> connections = new TreeMap<>();
    Map<String, JsonNode> usable = new HashMap<>();
    for (JsonNode connection : api.getJson("api/connections")) {
      String name = connection.get("name").asText();
      usable.put(name, connection);
      if ("api".equals(connection.path("origin").asText())) {
        connections.put(name, definition(connection));
      }
    }
    Set<String> secretNames = new TreeSet<>();
    api.getJson("api/secrets").forEach(secret -> secretNames.add(secret.get("name").asText()));
    return new LiveTenant(
        new TenantSetup(
            flows, triggers, subscriptions, connections, TenantSetup.secretsUsedBy(flows.values())),
        triggerIds,
        subscriptionIds,
        secretNames,
        usable);
  }

  /** A connection as the folder holds it: type, settings, the names of its credentials. */
  private static JsonNode definition(JsonNode connection) {
    ObjectNode definition = StableJson.MAPPER.createObjectNode();
    definition.set("type", connection.get("type"));
    definition.set("settings", connection.get("settings"));
    ArrayNode credentials = definition.putArray("credentials");
    connection.get("credentials").forEach(credentials::add);
    return StableJson.canonical(definition);
  }

  private void readSubscriptions(Map<String, JsonNode> documents, Map<String, String> ids) {
    Map<String, List<JsonNode>> byKey = new TreeMap<>();
    List<JsonNode> all = new ArrayList<>();
    api.getJson("api/subscriptions").forEach(all::add);
    for (JsonNode subscription : all) {
      byKey
          .computeIfAbsent(
              SubscriptionKeys.of(subscription.get("url").asText()), k -> new ArrayList<>())
          .add(subscription);
    }
    byKey.forEach(
        (key, same) -> {
          for (JsonNode subscription : same) {
            ObjectNode document = StableJson.MAPPER.createObjectNode();
            document.put("url", subscription.get("url").asText());
            ArrayNode types = document.putArray("eventTypes");
            new TreeSet<String>(texts(subscription.get("eventTypes"))).forEach(types::add);
            String unique = same.size() == 1 ? key : key + "--" + String.join("_", texts(types));
            if (documents.put(unique, document) != null) {
              throw new CliException(
                  "Two subscriptions to "
                      + document.get("url").asText()
                      + " take the same event types: delete one.");
            }
            ids.put(unique, subscription.get("id").asText());
          }
        });
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
