package io.millflow.engine;

import io.millflow.engine.access.FirstAdminToken;
import io.millflow.engine.access.PlainHttpGuard;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionHealth;
import io.millflow.engine.dataset.DatasetRetention;
import io.millflow.engine.events.EventDelivery;
import io.millflow.engine.flow.BundledFlows;
import io.millflow.engine.flow.FlowDeployer;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.history.HistoryRetention;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.run.StepWorkers;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.security.SecretsMigration;
import io.millflow.engine.security.TenantKeys;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.trigger.WebhookDispatcher;
import io.millflow.step.LedgerMeasurement;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * Brings the runtime up in order: state store, sandbox, engine, flows, workers. Each part is a bean
 * that starts when first needed; this only fixes the order and says when Millflow is ready.
 */
@Singleton
public class MillflowStartup {

  private static final Logger LOG = Logger.getLogger(MillflowStartup.class);

  void onStart(
      @Observes StartupEvent event,
      StateStore store,
      SandboxLauncher sandbox,
      ProcessEngine engine,
      FlowDeployer deployer,
      FlowService flows,
      StepWorkers workers,
      DatasetRetention retention,
      WebhookDispatcher webhooks,
      EventDelivery events,
      SecretsMigration secrets,
      TenantKeys keys,
      ConnectionHealth health,
      FirstAdminToken firstAdminToken,
      HistoryRetention history,
      MillflowConfig config) {
    PlainHttpGuard.problem(org.eclipse.microprofile.config.ConfigProvider.getConfig())
        .ifPresent(
            problem -> {
              throw new IllegalStateException(problem);
            });
    keys.rewrapAll();
    secrets.sealClearSecrets();
    if (!LedgerMeasurement.isOn()) {
      LOG.warnf(
          "-D%s=off: runs keep no ledger and check no balance. For benchmarks only; never in production.",
          LedgerMeasurement.PROPERTY);
    }
    sandbox.start();
    workers.open();
    for (String bpmn : BundledFlows.load()) {
      deployer.deploy(config.tenant(), bpmn, "bundled");
    }
    for (FlowService.StoredFlow flow : flows.latestApiFlows()) {
      deployer.deploy(flow.tenantId(), flow.bpmn(), "api");
    }
    firstAdminToken.ensure();
    retention.start();
    history.start();
    webhooks.start();
    events.start();
    health.start();
  }

  /** Ready means the API answers: said once the HTTP server listens, after everything above. */
  void onListening(@ObservesAsync HttpServerStart event, ProcessEngine engine) {
    long sinceJvmStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    LOG.infof(
        "Millflow ready %d ms after JVM start (engine %s). Designer: http://localhost:%d/ API: http://localhost:%d/api/flows",
        sinceJvmStart, engine.engineId(), event.options().getPort(), event.options().getPort());
  }
}
