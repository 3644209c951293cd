package io.millflow.step.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The system-neutral parts of a write: the exact diff of a body and the refused share. */
class FieldChangesAndTallyTest {

  @Test
  void aNumberIsComparedByValueAndOnlyChangedFieldsAreListed() {
    ObjectNode current =
        Json.mapper().createObjectNode().put("quantity", new BigDecimal("12.50")).put("note", "a");
    ObjectNode body =
        Json.mapper().createObjectNode().put("quantity", new BigDecimal("12.5")).put("note", "b");

    var changes = FieldChanges.between(current, body);

    assertThat(changes).hasSize(1);
    assertThat(changes.getFirst().field()).isEqualTo("note");
    assertThat(changes.getFirst().oldValue().asText()).isEqualTo("a");
    assertThat(changes.getFirst().newValue().asText()).isEqualTo("b");
  }

  @Test
  void everyFieldIsAChangeOfACreate() {
    ObjectNode body = Json.mapper().createObjectNode().put("quantity", 3).put("note", "x");

    assertThat(FieldChanges.between(null, body))
        .extracting(WriteDiff.FieldChange::field)
        .containsExactly("quantity", "note");
    assertThat(WriteDiff.of("k", null, FieldChanges.between(null, body)).action())
        .isEqualTo(WriteDiff.CREATE);
  }

  @Test
  void aWriteRefusedAboveItsShareIsWriteRejectedAndADryRunNever() {
    WriteTally write = new WriteTally(false);
    write.count(new WriteOutcome("a", WriteOutcome.CREATED, "1", null, null));
    write.count(WriteOutcome.rejected("b", null, "FIELD_REQUIRED", "'quantity' is required"));
    WriteTally dry = new WriteTally(true);
    dry.count(WriteDiff.rejected("b", null, "FIELD_REQUIRED", "'quantity' is required"));
    DatasetRef ref = new DatasetRef("ds-1", 2, "x");

    RecordWriteResult result = write.result(ref);

    assertThat(result.written()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
    // for the run's ledger: the refused record by key, counted by the system's code, no message
    assertThat(result.rejects().records()).containsExactly("b");
    assertThat(result.rejects().reasons()).containsExactly(Map.entry("FIELD_REQUIRED", 1L));
    assertThatThrownBy(() -> WriteTally.checkRejectedShare(result, 0.4, "Plex"))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("Plex refused 1 of 2")
        .extracting(e -> ((StepFailure) e).code())
        .isEqualTo("WRITE_REJECTED");
    WriteTally.checkRejectedShare(result, 0.5, "Plex");
    WriteTally.checkRejectedShare(dry.result(ref), 0, "Plex");
  }
}
