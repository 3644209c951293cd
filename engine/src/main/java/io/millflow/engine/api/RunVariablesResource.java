package io.millflow.engine.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunInputs;
import io.millflow.engine.run.Redaction;
import io.millflow.engine.run.TenantSecretMask;
import io.millflow.step.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;

/**
 * The variables a run started with, as kept with the run (up to 64 KB), with every value of the
 * tenant's secrets and connection credentials, and their common encodings, sent as its reference,
 * as the dataset preview sends them.
 */
@Path("/api/runs/{id}/variables")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class RunVariablesResource {

  /**
   * {@code kept} false: the run's input was not kept (a run from before inputs were kept, or one
   * larger than 64 KB), and {@code variables} is empty.
   */
  public record StartVariables(boolean kept, Map<String, Object> variables) {}

  private final RunInputs inputs;
  private final RunHistory history;
  private final TenantSecretMask mask;
  private final CurrentCaller caller;

  public RunVariablesResource(
      RunInputs inputs, RunHistory history, TenantSecretMask mask, CurrentCaller caller) {
    this.inputs = inputs;
    this.history = history;
    this.mask = mask;
    this.caller = caller;
  }

  @GET
  public StartVariables get(@PathParam("id") String id) {
    UUID run =
        Params.uuid(id)
            .filter(runId -> history.findRun(caller.tenantId(), runId).isPresent())
            .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
    return inputs
        .of(caller.tenantId(), run)
        .map(variables -> new StartVariables(true, masked(variables)))
        .orElseGet(() -> new StartVariables(false, Map.of()));
  }

  private Map<String, Object> masked(Map<String, Object> variables) {
    Redaction redaction = mask.of(caller.tenantId());
    return Json.mapper()
        .convertValue(
            masked(Json.mapper().valueToTree(variables), redaction),
            new TypeReference<Map<String, Object>>() {});
  }

  /**
   * Value by value rather than over the JSON text: a secret that equals a number variable becomes
   * its reference as a string, where in the text it would break the JSON.
   */
  private static JsonNode masked(JsonNode node, Redaction redaction) {
    if (node.isObject()) {
      ObjectNode out = Json.mapper().createObjectNode();
      node.properties()
          .forEach(
              field ->
                  out.set(redaction.apply(field.getKey()), masked(field.getValue(), redaction)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.mapper().createArrayNode();
      node.forEach(item -> out.add(masked(item, redaction)));
      return out;
    }
    if (node.isNull() || !node.isValueNode()) {
      return node;
    }
    String text = node.asText();
    String hidden = redaction.apply(text);
    return hidden.equals(text) ? node : TextNode.valueOf(hidden);
  }
}
