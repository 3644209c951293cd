package io.millflow.engine.flowtest;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.events.Subscriptions;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Runs a folder's flow tests in the runtime under test, prints the report and writes its JUnit XML
 * to {@code target/flow-tests}.
 */
@Singleton
public class FlowTests {

  private static final int PARALLEL_CASES = 4;

  private final MillflowConfig config;
  private final ConnectionRegistry connections;
  private final SandboxLauncher sandboxes;
  private final Subscriptions subscriptions;
  private final StateStore store;

  FlowTests(
      MillflowConfig config,
      ConnectionRegistry connections,
      SandboxLauncher sandboxes,
      Subscriptions subscriptions,
      StateStore store) {
    this.config = config;
    this.connections = connections;
    this.sandboxes = sandboxes;
    this.subscriptions = subscriptions;
    this.store = store;
  }

  FlowTestReport run(Path folder) {
    try (FlowTestRuntime runtime =
        new FlowTestRuntime(config.tenant(), connections, sandboxes, subscriptions, store.jdbi())) {
      FlowTestReport report =
          new FlowTestReport(new FlowTestRunner(runtime).run(folder, PARALLEL_CASES));
      System.out.print(report.text());
      System.out.println("JUnit XML: " + report.writeJUnitXml(Path.of("target/flow-tests")));
      return report;
    }
  }
}
