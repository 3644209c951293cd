package io.millflow.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A webhook dispatched again after a crash between starting its flow and recording that start (the
 * window in which one event of 127 started two runs) finds the run it started: the start is keyed
 * by the event's dispatch.
 */
@QuarkusTest
class StartOnceTest {

  @Inject FlowService flows;
  @Inject FlowDeployer deployer;
  @Inject ProcessEngine engine;

  @Test
  void theSameStartKeyStartsOneRunAndAnotherKeyAnother() {
    Assumptions.assumeTrue(
        engine.embedded(), "a Camunda 8 cluster cannot look instances up by key");
    deployer.deploy("default", WebhookFlows.empty("start-once-flow"), "api");

    FlowRun first =
        flows
            .startOnce(
                "default", "start-once-flow", Map.of(), "webhook:e1#0@0", "trigger:test", "e1")
            .orElseThrow();
    FlowRun again =
        flows
            .startOnce(
                "default", "start-once-flow", Map.of(), "webhook:e1#0@0", "trigger:test", "e1")
            .orElseThrow();
    FlowRun replayed =
        flows
            .startOnce(
                "default", "start-once-flow", Map.of(), "webhook:e1#0@1", "trigger:test", "e1")
            .orElseThrow();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.processInstanceKey()).isEqualTo(first.processInstanceKey());
    assertThat(replayed.id()).isNotEqualTo(first.id());
  }
}
