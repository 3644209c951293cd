package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.IdhammarDowntimeEventsRead.Input;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.model.DowntimeEvent;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The downtime read step against a sandbox whose data moves with the clock. */
class IdhammarDowntimeEventsReadTest {

  private static final Instant ANCHOR = Instant.parse("2026-11-24T12:00:00Z");
  private static final int EVENTS = 2_500;

  private final MutableClock clock = new MutableClock(ANCHOR);
  private final IdhammarSandbox sandbox =
      new IdhammarSandbox(
              IdhammarSandboxConfig.defaults()
                  .withDowntimeEvents(EVENTS)
                  .withClock(clock, ANCHOR)
                  .withoutRateLimit())
          .start(0);
  private final TestStepContext context =
      new TestStepContext().withClock(clock).withConnection(sandbox.connection("oee"));
  private final IdhammarDowntimeEventsRead step = new IdhammarDowntimeEventsRead();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void readsEveryEventOnceAndMapsItToTheUnifiedModel() {
    ReadResult result = step.run(new Input("oee", null, null, null, 100), context);

    List<JsonNode> events = context.datasets().readAll(result.records(), JsonNode.class);
    assertThat(result.records().entity()).isEqualTo("idhammar.downtimeEvent");
    assertThat(events).hasSize(EVENTS);
    assertThat(events.stream().map(event -> event.get("id").asText()).distinct()).hasSize(EVENTS);
    Instant settleLine = ANCHOR.minus(BoundaryMargin.DEFAULT);
    assertThat(result.cursor())
        .as("the newest change older than the boundary margin")
        .isEqualTo(
            events.stream()
                .map(event -> Instant.parse(event.get("updatedAt").asText()))
                .filter(updated -> updated.isBefore(settleLine))
                .max(Instant::compareTo)
                .orElseThrow()
                .toString());

    DatasetRef mapped =
        new UnifiedTransform(List.of(new IdhammarDowntimeEventMapper()))
            .run(new UnifiedTransform.Input(result.records(), "oee", false, null), context);
    List<DowntimeEvent> unified = context.datasets().readAll(mapped, DowntimeEvent.class);
    assertThat(unified)
        .hasSize(EVENTS)
        .allSatisfy(
            event -> {
              assertThat(event.assetKey()).startsWith("M-");
              assertThat(event.planned()).isNotNull();
              assertThat(event.source().system()).isEqualTo("idhammar");
              assertThat(event.source().connection()).isEqualTo("oee");
              assertThat(event.endedAt() == null).isEqualTo(event.durationSeconds() == null);
            });
    assertThat(unified).anyMatch(event -> event.endedAt() == null);
  }

  @Test
  void readsOnlyWhatChangedSinceTheCursorInTheNextRun() {
    ReadResult first = step.run(new Input("oee", null, null, null, null), context);
    clock.advance(Duration.ofMinutes(30));

    ReadResult second =
        step.run(new Input("oee", Instant.parse(first.cursor()), null, null, null), context);

    List<JsonNode> changed = context.datasets().readAll(second.records(), JsonNode.class);
    assertThat(changed)
        .isNotEmpty()
        .allSatisfy(
            event ->
                assertThat(event.get("updatedAt").asText()).isGreaterThanOrEqualTo(first.cursor()));
    assertThat(changed)
        .anyMatch(event -> event.get("id").asText().equals("DT-000002500"))
        .anyMatch(
            event ->
                event.get("id").asText().compareTo("DT-000002500") < 0
                    && !event.get("endTime").isNull());
    assertThat(Instant.parse(second.cursor())).isAfter(Instant.parse(first.cursor()));
  }

  @Test
  void missesNoEventAndRepeatsNoneWhenEventsChangeDuringTheSync() {
    MovingClockContext moving = new MovingClockContext(context, clock, Duration.ofMinutes(5));

    ReadResult first = step.run(new Input("oee", null, null, null, 50), moving);
    Instant secondStart = clock.instant();
    ReadResult second =
        step.run(new Input("oee", Instant.parse(first.cursor()), null, null, 50), moving);

    List<JsonNode> firstRows = context.datasets().readAll(first.records(), JsonNode.class);
    assertThat(firstRows.stream().map(event -> event.get("id").asText()).distinct())
        .hasSize(firstRows.size());
    assertThat(firstRows)
        .allSatisfy(
            event -> assertThat(Instant.parse(event.get("updatedAt").asText())).isBefore(ANCHOR));
    Set<String> firstIds =
        new HashSet<>(firstRows.stream().map(event -> event.get("id").asText()).toList());
    assertThat(context.datasets().readAll(second.records(), JsonNode.class))
        .as("an event that existed at the first run's start but changed before its page was read")
        .anyMatch(
            event ->
                event.get("id").asText().compareTo("DT-000002500") < 0
                    && !firstIds.contains(event.get("id").asText()));
    Set<String> versions = new HashSet<>();
    for (ReadResult run : List.of(first, second)) {
      context
          .datasets()
          .readAll(run.records(), JsonNode.class)
          .forEach(
              event ->
                  versions.add(event.get("id").asText() + "@" + event.get("updatedAt").asText()));
    }
    ReadResult truth = step.run(new Input("oee", null, secondStart, null, 1_000), context);
    List<JsonNode> latest = context.datasets().readAll(truth.records(), JsonNode.class);
    assertThat(latest)
        .hasSizeGreaterThan(EVENTS)
        .allSatisfy(
            event ->
                assertThat(versions)
                    .contains(event.get("id").asText() + "@" + event.get("updatedAt").asText()));
  }

  @Test
  void readsOneMachineWhenAsked() {
    ReadResult result = step.run(new Input("oee", null, null, "M-2103", null), context);

    assertThat(context.datasets().readAll(result.records(), JsonNode.class))
        .hasSizeBetween(200, 215)
        .allSatisfy(event -> assertThat(event.get("machineId").asText()).isEqualTo("M-2103"));
  }

  @Test
  void readsOnlyTheSiteTheConnectionNames() {
    context.withConnection(
        HttpIdhammarClientTest.connection(
            sandbox, "gbg", Map.of("siteId", "SE-GBG"), sandbox.config().apiToken()));

    ReadResult result = step.run(new Input("gbg", null, null, null, null), context);

    // event i is machine i mod 12; machines 0-5 are in SE-GBG: 4 of them have 209 of the 2,500
    // events, 2 have 208
    assertThat(context.datasets().readAll(result.records(), JsonNode.class))
        .hasSize(4 * 209 + 2 * 208)
        .allSatisfy(event -> assertThat(event.get("siteId").asText()).isEqualTo("SE-GBG"));
  }

  @Test
  void failsRetryablyWhenIdhammarFailsMidway() {
    sandbox.faults().failNext(1, 503);

    assertThatThrownBy(() -> step.run(new Input("oee", null, null, null, null), context))
        .isInstanceOf(RetryableStepException.class);
  }

  @Test
  void refusesAnotherSystemsConnectionAndABackwardPeriod() {
    context.withConnection(new io.millflow.step.Connection("db", "postgres", Map.of(), Map.of()));

    assertThatThrownBy(() -> step.run(new Input("db", null, null, null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("WRONG_CONNECTION_TYPE"));
    assertThatThrownBy(
            () -> step.run(new Input("oee", ANCHOR, ANCHOR.minusSeconds(1), null, null), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("updatedSince");
    assertThatThrownBy(() -> step.run(new Input("oee", null, null, null, 5_000), context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining("pageSize");
  }
}
