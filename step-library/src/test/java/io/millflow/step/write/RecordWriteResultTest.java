package io.millflow.step.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.Rejects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A write's result as a flow sees it: {@code result.rejected} is the count of its rejects. */
class RecordWriteResultTest {

  @Test
  void aFlowSeesTheRejectedCountBesideTheRejects() {
    Rejects rejects = new Rejects(2, Map.of("INVALID_REFERENCE", 2L), List.of("GR-1", "GR-2"));
    RecordWriteResult result =
        new RecordWriteResult(
            new DatasetRef("results-1", 5, "receipt"), false, 5, 3, 0, 0, 3, rejects);

    Map<?, ?> variables = Json.mapper().convertValue(result, Map.class);

    assertThat(result.rejected()).isEqualTo(2);
    assertThat(variables.get("rejected")).isEqualTo(2L);
    assertThat(variables.get("rejects")).asInstanceOf(MAP).containsEntry("count", 2L);
  }
}
