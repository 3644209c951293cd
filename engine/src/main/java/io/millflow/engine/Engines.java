package io.millflow.engine;

import io.millflow.engine.config.InstanceName;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.operaton.OperatonEngine;
import io.millflow.engine.operaton.OperatonSettings;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.zeebe.ZeebeEngine;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Chooses the engine behind the port: a Camunda 8 cluster when {@code millflow.zeebe.address} is
 * set, else the embedded Operaton engine in the state store's PostgreSQL.
 */
@Singleton
public class Engines {

  @Produces
  @Singleton
  ProcessEngine engine(MillflowConfig config, StateStore store, BoundedFeel feel) {
    if (config.zeebe().address().isPresent()) {
      return new ZeebeEngine(config, InstanceName.of(config));
    }
    MillflowConfig.Engine engine = config.engine();
    return new OperatonEngine(
        store.dataSource(),
        InstanceName.of(config),
        new OperatonSettings(
            engine.maxConcurrentAttempts(), engine.pollInterval(), config.history().retention()),
        feel);
  }

  void close(@Disposes ProcessEngine engine) throws Exception {
    if (engine instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
