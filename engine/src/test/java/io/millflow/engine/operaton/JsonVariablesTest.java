package io.millflow.engine.operaton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JsonVariablesTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  record DatasetRef(String dataset, long count, String entity) {}

  @Test
  void mapsListsAndRecordsRoundTripAsJsonVariables() {
    var stored = new java.util.concurrent.atomic.AtomicReference<Object>();
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("two", TestFlows.sequence("two", "Read", "read", "Write", "write"));
    fixture.openWorkers(
        engine,
        Map.of(
            "read",
            EngineFixture.completing(
                Map.of(
                    "orders",
                    new DatasetRef("ds-1", 12000, "purchaseOrder"),
                    "price",
                    new BigDecimal("100.00"))),
            "write",
            (task, lease) -> {
              stored.set(
                  EngineFixture.operaton("w1")
                      .getRuntimeService()
                      .getVariableTyped(task.instanceKey(), "orders", false));
              return new io.millflow.engine.port.AttemptOutcome.Completed(Map.of(), null);
            }),
        Duration.ofSeconds(30));

    String instance =
        engine.start(
            "two",
            Map.of(
                "filter",
                Map.of("since", "2024-01-01", "plants", List.of("P1", "P2")),
                "ids",
                List.of(1, 2, 3)));

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    Map<String, Object> read = fixture.handedFor(instance).get(0).variables();
    assertThat(read)
        .containsEntry("filter", Map.of("since", "2024-01-01", "plants", List.of("P1", "P2")))
        .containsEntry("ids", List.of(1, 2, 3));
    Map<String, Object> write = fixture.handedFor(instance).get(1).variables();
    assertThat(write)
        .containsEntry(
            "orders", Map.of("dataset", "ds-1", "count", 12000, "entity", "purchaseOrder"))
        .containsEntry("price", new BigDecimal("100.00"));
    var json = (org.operaton.bpm.engine.variable.value.ObjectValue) stored.get();
    assertThat(json.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(json.getValueSerialized())
        .isEqualTo("{\"dataset\":\"ds-1\",\"count\":12000,\"entity\":\"purchaseOrder\"}");
  }
}
