package io.millflow.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.port.ProcessEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The suite runs on the engine it was asked for: embedded Operaton by default, the standalone Zeebe
 * in the cluster-mode run.
 */
@QuarkusTest
class ZeebeUnderTestModeTest {

  @Inject ProcessEngine engine;

  @Test
  void runsOnTheEngineTheRunAskedFor() {
    boolean standalone = "standalone".equals(System.getProperty("zeebe-under-test"));
    assertThat(engine.embedded()).isEqualTo(!standalone);
    assertThat(engine.engineId()).startsWith(standalone ? "cluster:" : "operaton");
  }
}
