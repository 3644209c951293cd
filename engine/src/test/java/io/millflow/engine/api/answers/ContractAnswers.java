package io.millflow.engine.api.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.millflow.step.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the contract (OpenAPI 3.1) allows an answer to be: the operation is found by its path
 * template (the template with the most literal segments that matches the path called), the response
 * by its status ({@code 404}, else {@code 4XX}, else {@code default}), and a JSON body is validated
 * against that response's schema with a JSON Schema 2020-12 validator. An error answer (4xx) of a
 * path the contract does not know is checked against the one error schema, {@code ApiError}.
 */
final class ContractAnswers {

  static final String ERROR_SCHEMA = "#/components/schemas/ApiError";

  private final JsonNode contract;
  private final List<Template> templates;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  ContractAnswers(JsonNode contract) {
    this.contract = contract;
    List<Template> found = new ArrayList<>();
    contract.path("paths").fieldNames().forEachRemaining(path -> found.add(Template.of(path)));
    found.sort(Comparator.comparingInt(Template::literals).reversed());
    this.templates = List.copyOf(found);
  }

  /** Why the answer does not conform; empty when it does (or when it has nothing to check). */
  List<String> problems(RecordedAnswer answer) {
    Optional<Template> template =
        templates.stream().filter(t -> t.matches(answer.path())).findFirst();
    boolean error = answer.status() >= 400 && answer.status() < 500;
    if (template.isEmpty() || !operation(template.get(), answer).isObject()) {
      if (error) {
        return validate(answer, ref(ERROR_SCHEMA), "the error schema");
      }
      return List.of(
          answer.label()
              + ": the contract has no operation "
              + answer.method()
              + " "
              + answer.path());
    }
    JsonNode response = response(operation(template.get(), answer), answer.status());
    if (response.isMissingNode()) {
      return List.of(
          answer.label()
              + ": the contract documents no "
              + answer.status()
              + " answer of "
              + answer.method()
              + " "
              + template.get().path());
    }
    List<String> problems = new ArrayList<>(missingHeaders(answer, response));
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (!schema.isMissingNode()) {
      problems.addAll(validate(answer, schema, answer.method() + " " + template.get().path()));
    }
    return problems;
  }

  /** The contract's template of the path called, if it has one. */
  Optional<String> templateOf(String path) {
    return templates.stream().filter(t -> t.matches(path)).map(Template::path).findFirst();
  }

  /** Whether the contract gives the answer's body a schema that says nothing ({@code {}}). */
  boolean schemaSaysNothing(RecordedAnswer answer) {
    return templates.stream()
        .filter(t -> t.matches(answer.path()))
        .findFirst()
        .map(t -> response(operation(t, answer), answer.status()))
        .map(r -> r.path("content").path("application/json").path("schema"))
        .map(schema -> schema.isObject() && schema.isEmpty())
        .orElse(false);
  }

  private JsonNode operation(Template template, RecordedAnswer answer) {
    return contract.path("paths").path(template.path()).path(answer.method());
  }

  private JsonNode response(JsonNode operation, int status) {
    JsonNode responses = operation.path("responses");
    for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
      JsonNode response = responses.path(key);
      if (!response.isMissingNode()) {
        return response.has("$ref") ? pointer(response.get("$ref").asText()) : response;
      }
    }
    return responses.path(String.valueOf(status));
  }

  private static List<String> missingHeaders(RecordedAnswer answer, JsonNode response) {
    List<String> missing = new ArrayList<>();
    response
        .path("headers")
        .fieldNames()
        .forEachRemaining(
            header -> {
              if (!answer.headers().contains(header.toLowerCase(java.util.Locale.ROOT))) {
                missing.add(answer.label() + ": header " + header + " is missing");
              }
            });
    return missing;
  }

  private List<String> validate(RecordedAnswer answer, JsonNode schema, String what) {
    if (answer.body() == null || answer.body().isBlank()) {
      return List.of();
    }
    Schema compiled = schemas.computeIfAbsent(schema.toString(), key -> compile(schema));
    return compiled.validate(answer.body(), InputFormat.JSON).stream()
        .map(problem -> answer.label() + " (" + what + "): " + problem)
        .toList();
  }

  /** The schema as a document of its own, with the contract's components to refer to. */
  private Schema compile(JsonNode schema) {
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.putArray("allOf").add(schema);
    document.set("components", contract.path("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(document);
  }

  private static JsonNode ref(String pointer) {
    return Json.mapper().createObjectNode().put("$ref", pointer);
  }

  private JsonNode pointer(String ref) {
    return contract.at(ref.substring(1));
  }

  /** A path of the contract, {@code /api/runs/{id}}, as a pattern over the paths called. */
  private record Template(String path, Pattern pattern, int literals) {

    static Template of(String path) {
      StringBuilder regex = new StringBuilder();
      int literals = 0;
      for (String segment : path.substring(1).split("/", -1)) {
        regex.append('/');
        if (segment.startsWith("{") && segment.endsWith("}")) {
          regex.append("[^/]+");
        } else {
          regex.append(Pattern.quote(segment));
          literals++;
        }
      }
      return new Template(path, Pattern.compile(regex.toString()), literals);
    }

    boolean matches(String called) {
      return pattern.matcher(called).matches();
    }
  }
}
