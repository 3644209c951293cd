package io.millflow.engine.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.millflow.engine.flowtest.FlowTestFile.Case;
import io.millflow.engine.flowtest.FlowTestFile.Expectation;
import io.millflow.engine.flowtest.FlowTestFile.GivenSql;
import io.millflow.engine.flowtest.FlowTestFile.Replacement;
import io.millflow.engine.flowtest.FlowTestFile.SandboxCall;
import io.millflow.engine.flowtest.FlowTestFile.Sink;
import io.millflow.engine.flowtest.FlowTestFile.StepRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a {@code <flowId>.test.yaml}; every error names the file, the case and the
 * field, e.g. {@code plex-po-to-postgres.test.yaml, case 'first run': expect.sinks[0].count must be
 * a whole number}.
 */
final class FlowTestFileReader {

  static final String SUFFIX = ".test.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> STATUSES =
      Set.of("completed", "incident", "failed", "cancelled");

  private final Path file;
  private String where;

  private FlowTestFileReader(Path file) {
    this.file = file;
    this.where = file.getFileName().toString();
  }

  static FlowTestFile read(Path file) {
    return new FlowTestFileReader(file).read();
  }

  private FlowTestFile read() {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new FlowTestFormatException(where + ": not readable YAML: " + e.getMessage());
    }
    object(root, "the file", "flow", "replace", "cases");
    String name = file.getFileName().toString();
    String flowId = name.substring(0, name.length() - SUFFIX.length());
    if (root.has("flow") && !root.get("flow").asText().equals(flowId)) {
      fail("flow", "is '" + root.get("flow").asText() + "' but the file tests " + flowId);
    }
    Path bpmn = file.resolveSibling(flowId + ".bpmn");
    if (!Files.isRegularFile(bpmn)) {
      throw new FlowTestFormatException(where + ": no flow " + bpmn.getFileName() + " next to it");
    }
    List<Replacement> replacements = new ArrayList<>();
    for (JsonNode entry : list(root, "replace", false)) {
      object(entry, "replace[]", "text", "with");
      replacements.add(
          new Replacement(text(entry, "replace[].text"), text(entry, "replace[].with")));
    }
    List<Case> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode entry : list(root, "cases", true)) {
      Case next = testCase(entry);
      if (!names.add(next.name())) {
        fail("name", "is used by two cases");
      }
      cases.add(next);
    }
    if (cases.isEmpty()) {
      fail("cases", "must hold at least one case");
    }
    return new FlowTestFile(file, flowId, bpmn, replacements, cases);
  }

  private Case testCase(JsonNode node) {
    where = file.getFileName().toString();
    object(node, "cases[]", "name", "given", "variables", "runsBefore", "sandbox", "expect");
    String name = text(node, "name");
    where = file.getFileName() + ", case '" + name + "'";
    List<GivenSql> given = node.has("given") ? given(node.get("given")) : List.of();
    Map<String, Object> variables =
        node.has("variables") ? map(object(node.get("variables"), "variables")) : Map.of();
    int runsBefore = node.has("runsBefore") ? count(node.get("runsBefore"), "runsBefore") : 0;
    List<SandboxCall> calls = new ArrayList<>();
    List<JsonNode> sandbox = list(node, "sandbox", false);
    for (int i = 0; i < sandbox.size(); i++) {
      String field = "sandbox[" + i + "]";
      JsonNode call = object(sandbox.get(i), field, "connection", "endpoint", "body");
      calls.add(
          new SandboxCall(
              text(call, field + ".connection"),
              text(call, field + ".endpoint"),
              call.has("body") ? map(object(call.get("body"), field + ".body")) : Map.of()));
    }
    if (!node.has("expect")) {
      fail("expect", "is missing: a case must say what the run ends with");
    }
    return new Case(name, given, variables, runsBefore, calls, expectation(node.get("expect")));
  }

  private List<GivenSql> given(JsonNode node) {
    object(node, "given", "sql");
    List<GivenSql> given = new ArrayList<>();
    List<JsonNode> entries = list(node, "sql", true);
    for (int i = 0; i < entries.size(); i++) {
      String field = "given.sql[" + i + "]";
      JsonNode entry = object(entries.get(i), field, "connection", "statements");
      List<String> statements = new ArrayList<>();
      for (JsonNode statement : list(entry, "statements", true)) {
        if (!statement.isTextual() || statement.asText().isBlank()) {
          fail(field + ".statements", "must be SQL statements as text, not " + statement);
        }
        statements.add(statement.asText());
      }
      given.add(new GivenSql(text(entry, field + ".connection"), statements));
    }
    return given;
  }

  private Expectation expectation(JsonNode node) {
    object(
        node,
        "expect",
        "status",
        "ledger",
        "attempts",
        "sinks",
        "events",
        "connectionEvents",
        "records");
    String status = text(node, "expect.status");
    if (!STATUSES.contains(status)) {
      fail("expect.status", "must be one of " + STATUSES + ", not '" + status + "'");
    }
    Map<String, Object> ledger = new LinkedHashMap<>();
    if (node.has("ledger")) {
      object(node.get("ledger"), "expect.ledger")
          .properties()
          .forEach(e -> ledger.put(e.getKey(), ledgerValue(e.getValue(), e.getKey())));
    }
    Map<String, Integer> attempts = new LinkedHashMap<>();
    if (node.has("attempts")) {
      object(node.get("attempts"), "expect.attempts")
          .properties()
          .forEach(
              e -> attempts.put(e.getKey(), count(e.getValue(), "expect.attempts." + e.getKey())));
    }
    List<Sink> sinks = new ArrayList<>();
    List<JsonNode> sinkNodes = list(node, "sinks", false);
    for (int i = 0; i < sinkNodes.size(); i++) {
      sinks.add(sink(sinkNodes.get(i), "expect.sinks[" + i + "]"));
    }
    List<StepRecords> records = new ArrayList<>();
    List<JsonNode> recordNodes = list(node, "records", false);
    for (int i = 0; i < recordNodes.size(); i++) {
      records.add(stepRecords(recordNodes.get(i), "expect.records[" + i + "]"));
    }
    return new Expectation(
        status,
        ledger,
        attempts,
        sinks,
        types(node, "events"),
        types(node, "connectionEvents"),
        records);
  }

  private StepRecords stepRecords(JsonNode node, String field) {
    object(node, field, "element", "count", "rows");
    Integer count = node.has("count") ? count(node.get("count"), field + ".count") : null;
    List<Map<String, Object>> rows = rows(node, field);
    if (count == null && rows.isEmpty()) {
      fail(field, "checks nothing: give a count, rows or both");
    }
    return new StepRecords(text(node, field + ".element"), count, rows);
  }

  /** A list of event types; null (not checked) when the field is not given. */
  private List<String> types(JsonNode node, String key) {
    if (!node.has(key)) {
      return null;
    }
    List<String> types = new ArrayList<>();
    for (JsonNode event : list(node, key, false)) {
      types.add(event.asText());
    }
    return types;
  }

  private Sink sink(JsonNode node, String field) {
    object(node, field, "connection", "table", "filter", "count", "rows");
    Integer count = node.has("count") ? count(node.get("count"), field + ".count") : null;
    List<Map<String, Object>> rows = rows(node, field);
    if (count == null && rows.isEmpty()) {
      fail(field, "checks nothing: give a count, rows or both");
    }
    Map<String, String> filter = new LinkedHashMap<>();
    if (node.has("filter")) {
      object(node.get("filter"), field + ".filter")
          .properties()
          .forEach(
              e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                  fail(
                      field + ".filter." + e.getKey(),
                      "must be a single value, not " + e.getValue());
                }
                filter.put(e.getKey(), e.getValue().asText());
              });
    }
    return new Sink(
        text(node, field + ".connection"), text(node, field + ".table"), filter, count, rows);
  }

  private List<Map<String, Object>> rows(JsonNode node, String field) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<JsonNode> rowNodes = list(node, "rows", false);
    for (int i = 0; i < rowNodes.size(); i++) {
      rows.add(map(object(rowNodes.get(i), field + ".rows[" + i + "]")));
    }
    return rows;
  }

  private Object ledgerValue(JsonNode value, String key) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()) {
      return value.asText();
    }
    return count(value, "expect.ledger." + key);
  }

  private JsonNode object(JsonNode node, String field, String... known) {
    if (node == null || !node.isObject()) {
      fail(field, "must be a mapping (key: value lines)");
    }
    if (known.length > 0) {
      Set<String> allowed = Set.of(known);
      node.fieldNames()
          .forEachRemaining(
              key -> {
                if (!allowed.contains(key)) {
                  fail(
                      field.equals("the file") ? key : field + "." + key,
                      "is not a field of " + field + " (known: " + String.join(", ", known) + ")");
                }
              });
    }
    return node;
  }

  private List<JsonNode> list(JsonNode parent, String key, boolean required) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      if (required) {
        fail(key, "is missing");
      }
      return List.of();
    }
    if (!node.isArray()) {
      fail(key, "must be a list (lines starting with '- ')");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field.substring(field.lastIndexOf('.') + 1));
    if (node == null || !node.isValueNode() || node.asText().isBlank()) {
      fail(field, "is missing or empty");
    }
    return node.asText();
  }

  private int count(JsonNode node, String field) {
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
      fail(field, "must be a whole number of 0 or more, not " + node);
    }
    return node.asInt();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return YAML.convertValue(node, LinkedHashMap.class);
  }

  private void fail(String field, String problem) {
    throw new FlowTestFormatException(where + ": " + field + " " + problem);
  }
}
