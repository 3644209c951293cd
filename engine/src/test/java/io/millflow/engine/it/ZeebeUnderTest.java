package io.millflow.engine.it;

import io.millflow.engine.TestMasterKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which Zeebe the Quarkus tests run on. By default none is started here (the runtime embeds its
 * engine); with {@code -Dzeebe-under-test=standalone} (the {@code cluster-mode} run of the
 * end-to-end tests in the engine's pom) a Zeebe in a process of its own is started once, and every
 * test runs in cluster mode against its gateway.
 */
public class ZeebeUnderTest implements QuarkusTestResourceLifecycleManager {

  static final String MODE = "zeebe-under-test";

  private ZeebeProcess zeebe;

  @Override
  public Map<String, String> start() {
    if (!"standalone".equals(System.getProperty(MODE))) {
      return Map.of();
    }
    try {
      zeebe = ZeebeProcess.start(Path.of("target/cluster-mode/zeebe.log").toAbsolutePath());
    } catch (Exception e) {
      throw new IllegalStateException(
          "Could not start the standalone Zeebe for the cluster-mode run", e);
    }
    // That Zeebe is the in-memory engine, whose own retry backoff now and then loses a job: workers
    // hold the wait.
    return Map.of(
        "millflow.zeebe.address",
        zeebe.address(),
        "millflow.zeebe.retry-backoff",
        "worker",
        "millflow.security.master-key-file",
        TestMasterKey.file().toString());
  }

  @Override
  public void stop() {
    if (zeebe != null) {
      try {
        zeebe.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
