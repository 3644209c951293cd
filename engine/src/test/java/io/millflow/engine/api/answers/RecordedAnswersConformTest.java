package io.millflow.engine.api.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.millflow.engine.RepoPaths;
import io.millflow.step.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every answer the engine's API tests received (recorded by {@link ApiAnswerRecorder}) conforms to
 * the committed contract, docs/openapi.yaml: each 2xx and 4xx JSON body to its operation's response
 * schema, error answers to the one error schema, documented headers present. Runs in the engine
 * module's {@code api-answers} surefire execution, after the suite has recorded its answers; the
 * contract itself is checked to equal what the runtime serves by {@code ApiContractTest}.
 */
class RecordedAnswersConformTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyRecordedAnswerConformsToTheContract() throws IOException {
    List<RecordedAnswer> answers = recorded();
    assumeTrue(!answers.isEmpty(), "no API answers were recorded in " + ApiAnswerRecorder.FOLDER);
    ContractAnswers contract = new ContractAnswers(contract());
    List<String> problems = new ArrayList<>();
    Map<String, Integer> checked = new TreeMap<>();
    TreeSet<String> sayNothing = new TreeSet<>();
    for (RecordedAnswer answer : answers) {
      if (answer.status() >= 500) {
        continue;
      }
      problems.addAll(contract.problems(answer));
      String operation =
          answer.method().toUpperCase(java.util.Locale.ROOT)
              + " "
              + contract.templateOf(answer.path()).orElse("(not in the contract)");
      checked.merge(operation + " " + answer.status(), 1, Integer::sum);
      if (answer.body() != null && contract.schemaSaysNothing(answer)) {
        sayNothing.add(operation + " " + answer.status());
      }
    }
    System.out.printf(
        "%d recorded API answers checked against docs/openapi.yaml, %d operation/status pairs:%n%s%n"
            + "answers whose contract schema is {} (any JSON passes): %s%n",
        answers.size(), checked.size(), checked, sayNothing);
    assertThat(problems).as("answers that do not conform to docs/openapi.yaml").isEmpty();
  }

  @Test
  void aWrongAnswerDoesNotConform() throws IOException {
    ContractAnswers contract = new ContractAnswers(contract());
    List<String> json = List.of("content-type", "x-total-count");

    RecordedAnswer runsWithNumberStatus =
        new RecordedAnswer("get", "/api/runs", 200, "application/json", json, "[{\"status\": 17}]");
    assertThat(contract.problems(runsWithNumberStatus)).anyMatch(p -> p.contains("status"));

    RecordedAnswer runsWithoutTotal =
        new RecordedAnswer("get", "/api/runs", 200, "application/json", List.of(), "[]");
    assertThat(contract.problems(runsWithoutTotal)).anyMatch(p -> p.contains("X-Total-Count"));

    RecordedAnswer errorWithoutMessage =
        new RecordedAnswer(
            "get", "/api/runs/x", 404, "application/json", json, "{\"error\": \"not_found\"}");
    assertThat(contract.problems(errorWithoutMessage)).anyMatch(p -> p.contains("message"));

    RecordedAnswer unknownPathAnswered =
        new RecordedAnswer("get", "/api/nothing-here", 200, "application/json", json, "{}");
    assertThat(contract.problems(unknownPathAnswered)).anyMatch(p -> p.contains("no operation"));

    RecordedAnswer conforming =
        new RecordedAnswer(
            "get",
            "/api/runs/x",
            404,
            "application/json",
            json,
            "{\"error\": \"not_found\", \"message\": \"No run with id 'x'\", \"problems\": []}");
    assertThat(contract.problems(conforming)).isEmpty();
  }

  static JsonNode contract() throws IOException {
    return YAML.readTree(RepoPaths.root().resolve("docs/openapi.yaml").toFile());
  }

  private static List<RecordedAnswer> recorded() throws IOException {
    if (!Files.isDirectory(ApiAnswerRecorder.FOLDER)) {
      return List.of();
    }
    List<RecordedAnswer> answers = new ArrayList<>();
    try (Stream<Path> files = Files.list(ApiAnswerRecorder.FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          answers.add(Json.mapper().readValue(line, RecordedAnswer.class));
        }
      }
    }
    return answers;
  }
}
