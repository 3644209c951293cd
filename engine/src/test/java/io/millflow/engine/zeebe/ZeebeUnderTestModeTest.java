package io.millflow.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The suite runs on the Zeebe it was asked for: embedded by default, the standalone one in the cluster-mode run. */
@QuarkusTest
class ZeebeUnderTestModeTest {

  @Inject ZeebeRuntime zeebe;

  @Test
  void runsOnTheZeebeTheRunAskedFor() {
    boolean standalone = "standalone".equals(System.getProperty("zeebe-under-test"));
    assertThat(zeebe.mode()).isEqualTo(standalone ? ZeebeRuntime.EngineMode.CLUSTER : ZeebeRuntime.EngineMode.EMBEDDED);
    assertThat(zeebe.embeddedEngine().isPresent()).isEqualTo(!standalone);
  }
}
