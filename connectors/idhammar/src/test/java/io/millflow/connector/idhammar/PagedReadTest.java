package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page loop on its own, fed pages a misbehaving server might send. */
class PagedReadTest {

  private final TestStepContext context = new TestStepContext();

  private static ObjectNode row(String id, String updatedAt) {
    return Json.mapper().createObjectNode().put("id", id).put("updatedAt", updatedAt);
  }

  @Test
  void followsNextUntilItIsNullAndKeepsTheGreatestCursor() {
    Map<String, IdhammarPage> pages = new HashMap<>();
    pages.put(
        null,
        new IdhammarPage(
            List.of(row("a", "2026-01-01T00:00:00Z"), row("b", "2026-01-02T00:00:00Z")), "p2"));
    pages.put("p2", new IdhammarPage(List.of(row("c", "2026-01-03T00:00:00Z")), null));

    ReadResult result =
        PagedRead.read(
            pages::get, "idhammar.downtimeEvent", "updatedAt", "downtime events", context);

    assertThat(result.records().count()).isEqualTo(3);
    assertThat(result.cursor()).isEqualTo("2026-01-03T00:00:00Z");
  }

  @Test
  void neverPutsTheCursorPastARowWhenAServerBreaksTheOrder() {
    IdhammarPage unordered =
        new IdhammarPage(
            List.of(row("a", "2026-01-05T00:00:00Z"), row("b", "2026-01-02T00:00:00Z")), null);

    ReadResult result =
        PagedRead.read(cursor -> unordered, "e", "updatedAt", "downtime events", context);

    assertThat(result.cursor())
        .isEqualTo("2026-01-02T00:00:00Z"); // lower: the next run reads "a" again, skips nothing
  }

  @Test
  void stopsAServerThatSendsTheSameCursorAgain() {
    IdhammarPage loop = new IdhammarPage(List.of(row("a", "2026-01-01T00:00:00Z")), "same");

    assertThatThrownBy(
            () -> PagedRead.read(cursor -> loop, "e", "updatedAt", "downtime events", context))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("IDHAMMAR_UNEXPECTED_RESPONSE"))
        .hasMessageContaining("same 'next' cursor twice");
  }

  @Test
  void refusesACursorFieldThatIsNotATimestampNamingTheRow() {
    IdhammarPage page = new IdhammarPage(List.of(row("DT-7", "yesterday")), null);

    assertThatThrownBy(
            () -> PagedRead.read(cursor -> page, "e", "updatedAt", "downtime events", context))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("DT-7")
        .hasMessageContaining("updatedAt 'yesterday'");
  }
}
