package io.millflow.engine.operaton;

import java.util.List;
import javax.sql.DataSource;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.operaton.bpm.engine.impl.migration.validation.activity.SupportedActivityValidator;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * How Millflow configures Operaton: on the state store's PostgreSQL (tables created and updated by
 * the engine), the Camunda 8 dialect parse, the timer-start job that starts at the timer that
 * fired, JSON object variables and no Java serialization, UUID ids, the history of process
 * instances alone (Millflow keeps its own run history) cleaned after its time to live, a job
 * executor that looks for due jobs every poll interval and locks them in this worker's name; no
 * DMN, CMMN, metrics or telemetry.
 */
final class OperatonConfiguration {

  private OperatonConfiguration() {}

  static ProcessEngineConfigurationImpl create(
      DataSource dataSource,
      String workerName,
      OperatonSettings settings,
      Translation translation) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("millflow-" + workerName);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    HistoryLevelProperty.align(dataSource, InstanceHistoryLevel.INSTANCE);
    configuration.setCustomHistoryLevels(List.of(InstanceHistoryLevel.INSTANCE));
    configuration.setHistory(InstanceHistoryLevel.NAME);
    // whole days, rounded up: Millflow's own sweep deletes an instance's history with its run, at
    // the retention exactly
    configuration.setHistoryTimeToLive(
        String.valueOf(
            Math.max(1, settings.historyTimeToLive().plusDays(1).minusNanos(1).toDays())));
    configuration.setHistoryCleanupBatchWindowStartTime("00:00");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBpmnParseFactory(new ZeebeDialectParseFactory(translation));
    configuration.setCustomJobHandlers(List.of(new FiredTimerStartJobHandler()));
    configuration.setCustomPostVariableSerializers(List.of(new JsonValueSerializer()));
    configuration.setDefaultSerializationFormat(JsonValueSerializer.FORMAT);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    configuration.setDmnEnabled(false);
    // Operaton builds its DMN engine even when DMN is off; its legacy (JUEL) FEEL needs no second
    // Scala FEEL engine
    configuration.setDmnFeelEnableLegacyBehavior(true);
    configuration.setCmmnEnabled(false);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setJobExecutorActivate(true);
    configuration.setJobExecutor(jobExecutor(workerName, settings));
    allowMigratingServiceTasks();
    return configuration;
  }

  /**
   * Operaton migrates an activity only when its behaviour class is on a list of its own, which
   * knows the external task behaviour but not Millflow's subclass of it; the subclass keeps the
   * task's state where Operaton's does, so it migrates as Operaton's would (a retry on the latest
   * version moves an instance waiting in a failed service task).
   */
  private static void allowMigratingServiceTasks() {
    synchronized (SupportedActivityValidator.SUPPORTED_ACTIVITY_BEHAVIORS) {
      if (!SupportedActivityValidator.SUPPORTED_ACTIVITY_BEHAVIORS.contains(
          ZeebeServiceTaskBehavior.class)) {
        SupportedActivityValidator.SUPPORTED_ACTIVITY_BEHAVIORS.add(ZeebeServiceTaskBehavior.class);
      }
    }
  }

  private static DefaultJobExecutor jobExecutor(String workerName, OperatonSettings settings) {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setLockOwner(workerName);
    int poll = (int) Math.min(Integer.MAX_VALUE, settings.pollInterval().toMillis());
    jobExecutor.setWaitTimeInMillis(poll);
    jobExecutor.setMaxWait(poll);
    return jobExecutor;
  }
}
