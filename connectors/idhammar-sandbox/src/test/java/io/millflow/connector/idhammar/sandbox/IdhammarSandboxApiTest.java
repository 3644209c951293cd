package io.millflow.connector.idhammar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.sandbox.SandboxHttp.Answer;
import io.millflow.step.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's API as any HTTP client sees it: auth, errors, limits and keyset paging of downtime
 * events.
 */
class IdhammarSandboxApiTest {

  static final Instant ANCHOR = Instant.parse("2026-11-24T12:00:00Z");

  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(config(new MutableClock(ANCHOR), 2_000));

  private final IdhammarSandbox sandbox = SANDBOX.sandbox();

  static IdhammarSandboxConfig config(MutableClock clock, int events) {
    return IdhammarSandboxConfig.defaults()
        .withDowntimeEvents(events)
        .withClock(clock, ANCHOR)
        .withoutRateLimit();
  }

  @Test
  void rejectsAMissingOrWrongTokenWith401InTheOneErrorShape() {
    Answer missing = SandboxHttp.get(sandbox, "/api/v1/sites", null);
    Answer wrong = SandboxHttp.get(sandbox, "/api/v1/sites", "not-the-token");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    JsonNode error = wrong.body().get("error");
    assertThat(error.get("code").asText()).isEqualTo("unauthorized");
    assertThat(error.get("status").asInt()).isEqualTo(401);
    assertThat(error.get("message").asText()).contains("Bearer");
    assertThat(error.get("requestId").asText()).isNotBlank();
  }

  @Test
  void refusesARevokedTokenUntilItIsRestored() {
    sandbox.faults().revokeCredentials(true);
    Answer revoked = SandboxHttp.get(sandbox, "/api/v1/sites");
    sandbox.faults().revokeCredentials(false);

    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.body().at("/error/code").asText()).isEqualTo("token_revoked");
    assertThat(SandboxHttp.get(sandbox, "/api/v1/sites").status()).isEqualTo(200);
  }

  @Test
  void answersInjectedFaultsInTheSameErrorShape() {
    sandbox.faults().failNext(1, 503);

    Answer failed = SandboxHttp.get(sandbox, "/api/v1/machines");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.body().at("/error/code").asText()).isEqualTo("unavailable");
  }

  @Test
  void answersUnknownPathsWith404AndMalformedParametersWith400NamingThem() {
    assertThat(SandboxHttp.get(sandbox, "/api/v2/sites").body().at("/error/code").asText())
        .isEqualTo("not_found");
    assertThat(SandboxHttp.get(sandbox, "/api/v1/sites/SE-GBG").status()).isEqualTo(404);
    assertBadRequest("/api/v1/downtime-events?limit=5000", "invalid_parameter", "limit");
    assertBadRequest(
        "/api/v1/downtime-events?updatedSince=yesterday", "invalid_parameter", "updatedSince");
    assertBadRequest("/api/v1/downtime-events?machineId=M-9999", "unknown_machine", "M-9999");
    assertBadRequest("/api/v1/downtime-events?cursor=bm9wZQ", "invalid_cursor", "cursor");
    assertBadRequest("/api/v1/oee?granularity=week", "invalid_parameter", "granularity");
    assertBadRequest(
        "/api/v1/production-counts?granularity=day", "invalid_parameter", "hour, shift");
  }

  @Test
  void limitsCallsPerTokenWith429AndRetryAfter() {
    try (IdhammarSandbox limited =
        new IdhammarSandbox(IdhammarSandboxConfig.defaults().withRateLimitPerMinute(2)).start(0)) {
      SandboxHttp.get(limited, "/api/v1/sites");
      SandboxHttp.get(limited, "/api/v1/sites");
      Answer third = SandboxHttp.get(limited, "/api/v1/sites");

      assertThat(third.status()).isEqualTo(429);
      assertThat(third.body().at("/error/code").asText()).isEqualTo("rate_limited");
      assertThat(third.response().headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }
  }

  @Test
  void listsTwoSitesFourLinesAndTwelveMachinesWithIdealRates() {
    List<JsonNode> equipment = readAll(sandbox, "/api/v1/machines?limit=5");

    assertThat(SandboxHttp.get(sandbox, "/api/v1/sites").body().get("data")).hasSize(2);
    assertThat(equipment).hasSize(16);
    assertThat(equipment.stream().filter(row -> row.get("type").asText().equals("machine")))
        .hasSize(12)
        .allSatisfy(
            machine -> {
              assertThat(machine.get("lineId").asText()).startsWith("L");
              assertThat(machine.get("idealRatePerHour").asInt()).isBetween(600, 3_600);
            });
    assertThat(readAll(sandbox, "/api/v1/machines?siteId=US-CLT"))
        .hasSize(8)
        .allSatisfy(row -> assertThat(row.get("siteId").asText()).isEqualTo("US-CLT"));
  }

  @Test
  void holdsExactlyTheConfiguredEventsAtTheAnchorInUpdatedAtOrder() {
    List<JsonNode> events = readAll(sandbox, "/api/v1/downtime-events?limit=1000");

    assertThat(events).hasSize(2_000);
    assertThat(events.stream().map(event -> event.get("id").asText()).distinct())
        .hasSize(2_000)
        .contains("DT-000000000", "DT-000001999");
    List<String> keys =
        events.stream().map(e -> e.get("updatedAt").asText() + " " + e.get("id").asText()).toList();
    assertThat(keys).isSorted();
  }

  @Test
  void pagesTheSameRowsWhateverThePageSize() {
    String since = "&updatedSince=" + ANCHOR.minus(Duration.ofHours(20));

    List<JsonNode> small =
        readAll(sandbox, "/api/v1/downtime-events?limit=7&machineId=M-1102" + since);
    List<JsonNode> whole =
        readAll(sandbox, "/api/v1/downtime-events?limit=1000&machineId=M-1102" + since);

    assertThat(whole)
        .hasSizeGreaterThan(20)
        .isEqualTo(small)
        .allSatisfy(event -> assertThat(event.get("machineId").asText()).isEqualTo("M-1102"));
  }

  @Test
  void neverOverlapsTwoEventsOfOneMachine() {
    List<JsonNode> events =
        new ArrayList<>(readAll(sandbox, "/api/v1/downtime-events?limit=1000&machineId=M-2101"));
    events.sort((a, b) -> a.get("startTime").asText().compareTo(b.get("startTime").asText()));

    for (int i = 1; i < events.size(); i++) {
      JsonNode before = events.get(i - 1);
      assertThat(before.get("endTime").isNull() ? "open" : before.get("endTime").asText())
          .isLessThanOrEqualTo(events.get(i).get("startTime").asText());
    }
  }

  @Test
  void takesFaultsOverHttpAtTheKitsAdminEndpoint() {
    Answer set = SandboxHttp.post(sandbox, "/_sandbox/faults", "{\"status\":500,\"times\":1}");

    assertThat(set.status()).isEqualTo(200);
    assertThat(SandboxHttp.get(sandbox, "/api/v1/sites").body().at("/error/code").asText())
        .isEqualTo("internal_error");
    assertThat(SandboxHttp.get(sandbox, "/api/v1/sites").status()).isEqualTo(200);
  }

  @Test
  void refusesAHandMadeEventForAnUnknownMachineOrAReasonThatContradictsPlanned() {
    Answer unknownMachine =
        SandboxHttp.post(sandbox, "/_sandbox/downtime", "{\"machineId\":\"M-7\"}");
    Answer contradiction =
        SandboxHttp.post(
            sandbox,
            "/_sandbox/downtime",
            "{\"machineId\":\"M-1101\",\"reasonCode\":\"CO\",\"planned\":false}");
    Answer notJson = SandboxHttp.post(sandbox, "/_sandbox/downtime", "machine please");

    assertThat(unknownMachine.status()).isEqualTo(400);
    assertThat(unknownMachine.body().at("/error/code").asText()).isEqualTo("unknown_machine");
    assertThat(contradiction.body().at("/error/message").asText()).contains("'planned'");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void documentsEveryResourceItServesInItsOpenApiFile() throws Exception {
    String openApi;
    try (var in = IdhammarSandbox.class.getResourceAsStream("/idhammar-sandbox-openapi.yaml")) {
      openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    for (String path :
        List.of(
            "/api/v1/sites",
            "/api/v1/machines",
            "/api/v1/reason-codes",
            "/api/v1/shifts",
            "/api/v1/downtime-events",
            "/api/v1/production-counts",
            "/api/v1/oee")) {
      assertThat(openApi).contains("  " + path + ":");
      assertThat(SandboxHttp.get(sandbox, path).status()).as(path).isEqualTo(200);
    }
  }

  private void assertBadRequest(String pathAndQuery, String code, String named) {
    Answer answer = SandboxHttp.get(sandbox, pathAndQuery);
    assertThat(answer.status()).as(pathAndQuery).isEqualTo(400);
    assertThat(answer.body().at("/error/code").asText()).isEqualTo(code);
    assertThat(answer.body().at("/error/message").asText()).contains(named);
  }

  /** Every row of a list, following {@code next}. */
  static List<JsonNode> readAll(IdhammarSandbox sandbox, String pathAndQuery) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      String query =
          cursor == null
              ? ""
              : (pathAndQuery.contains("?") ? "&" : "?")
                  + "cursor="
                  + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      Answer page = SandboxHttp.get(sandbox, pathAndQuery + query);
      assertThat(page.status()).as(page.response().body()).isEqualTo(200);
      page.body().get("data").forEach(rows::add);
      cursor = page.body().get("next").isNull() ? null : page.body().get("next").asText();
    } while (cursor != null);
    return rows;
  }
}
