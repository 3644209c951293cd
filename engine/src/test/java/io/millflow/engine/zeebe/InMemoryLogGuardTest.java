package io.millflow.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The in-memory engine runs with its log guarded: the guard finds the log and the engine still
 * works with it.
 */
class InMemoryLogGuardTest {

  @Test
  void theGuardedEngineStillDeploysAndRunsAProcess() {
    ZeebeTestEngine engine = EngineFactory.create();
    assertThat(InMemoryLogGuard.apply(engine))
        .as("the engine's log was found and synchronized")
        .isTrue();
    engine.start();
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("guarded").startEvent().endEvent().done(),
              "guarded.bpmn")
          .send()
          .join();
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("guarded")
              .latestVersion()
              .withResult()
              .send()
              .join()
              .getProcessInstanceKey();
      assertThat(key).isPositive();
    } finally {
      engine.stop();
    }
  }
}
