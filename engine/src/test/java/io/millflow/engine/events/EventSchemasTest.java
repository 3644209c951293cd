package io.millflow.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every event type's data, as the engine builds it, conforms to the published schema
 * (docs/events/events.schema.json); and the schema refuses what a receiver could not rely on.
 */
class EventSchemasTest {

  private static final String RUN = UUID.randomUUID().toString();

  private static String event(EventType type, Map<String, Object> data) {
    return OutboundEvents.payload(
        UUID.randomUUID(), "acme", type.wireName(), EventSource.of(type.wireName(), data), 7, data);
  }

  @Test
  void aCompletedSyncConforms() {
    assertThat(
            EventSchemas.problems(
                event(EventType.SYNC_COMPLETED, RunEvents.completed(RUN, "orders", "2251799813"))))
        .isEmpty();
  }

  @Test
  void anIncidentAtAStepAndAnUnbalancedLedgerHaveTheSameShape() {
    Map<String, Object> atStep =
        RunEvents.failed(
            RUN,
            "orders",
            "22517",
            "Read",
            "Read purchase orders",
            "plex.po.read",
            "HTTP_503",
            "down");
    Map<String, Object> afterLastStep =
        RunEvents.failed(
            RUN, "orders", "22517", null, null, null, "LEDGER_UNBALANCED", "2 records lost");
    assertThat(atStep.keySet()).isEqualTo(afterLastStep.keySet());
    for (EventType type : new EventType[] {EventType.FLOW_INCIDENT, EventType.SYNC_FAILED}) {
      assertThat(EventSchemas.problems(event(type, atStep))).isEmpty();
      assertThat(EventSchemas.problems(event(type, afterLastStep))).isEmpty();
    }
  }

  @Test
  void aReauthNoticedByACheckOrByAStepHasTheSameShape() {
    Map<String, Object> byCheck =
        ReauthRequired.noticedByCheck("plex", "AUTH_FAILED", "401 from Plex");
    Map<String, Object> byStep = ReauthRequired.noticedByStep("plex", "401 from Plex", "po", RUN);
    assertThat(byCheck.keySet()).isEqualTo(byStep.keySet());
    assertThat(EventSchemas.problems(event(EventType.CONNECTION_REAUTH_REQUIRED, byCheck)))
        .isEmpty();
    assertThat(EventSchemas.problems(event(EventType.CONNECTION_REAUTH_REQUIRED, byStep)))
        .isEmpty();
  }

  @Test
  void eventsOfAConnectionAreOrderedByTheConnectionAndOfARunByItsFlow() {
    assertThat(
            EventSource.of(
                "connection.status_changed", Map.of("connection", "plex", "flowId", "x")))
        .isEqualTo("connection:plex");
    assertThat(EventSource.of("sync.completed", RunEvents.completed(RUN, "orders", "1")))
        .isEqualTo("flow:orders");
    assertThat(EventSource.of("custom.shipped", Map.of("flowId", "orders")))
        .isEqualTo("custom.shipped");
  }

  @Test
  void theSchemaRefusesAnExtraKeyAMissingKeyAndAnOffsetTimestamp() {
    Map<String, Object> extra =
        new LinkedHashMap<>(ReauthRequired.noticedByCheck("plex", "AUTH_FAILED", "401"));
    extra.put("from", "online");
    assertThat(EventSchemas.problems(event(EventType.CONNECTION_REAUTH_REQUIRED, extra)))
        .anyMatch(problem -> problem.contains("from"));

    Map<String, Object> missing = new LinkedHashMap<>(RunEvents.completed(RUN, "orders", "1"));
    missing.remove("processInstanceKey");
    assertThat(EventSchemas.problems(event(EventType.SYNC_COMPLETED, missing)))
        .anyMatch(problem -> problem.contains("processInstanceKey"));

    String offset =
        event(EventType.SYNC_COMPLETED, RunEvents.completed(RUN, "orders", "1"))
            .replaceFirst("\"timestamp\":\"([^\"]+)Z\"", "\"timestamp\":\"$1+00:00\"");
    assertThat(EventSchemas.problems(offset)).anyMatch(problem -> problem.contains("timestamp"));
  }
}
