package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Operaton's timer-start job, starting the instance at the timer start event that fired rather than
 * at the process's initial (none) start event. The translation puts the timer's element id into the
 * job's configuration as its secondary key (a part that timer start jobs do not otherwise use).
 */
final class FiredTimerStartJobHandler extends TimerStartEventJobHandler {

  /**
   * The job configuration of a timer start event: the process key and, after it, the timer's
   * element id.
   */
  static String configuration(String processKey, String timerElementId) {
    return processKey
        + JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
        + JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX
        + timerElementId;
  }

  @Override
  public void execute(
      TimerJobConfiguration configuration,
      ExecutionEntity execution,
      CommandContext commandContext,
      String tenantId) {
    ProcessDefinitionEntity definition =
        Context.getProcessEngineConfiguration()
            .getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKeyAndTenantId(
                configuration.getTimerElementKey(), tenantId);
    String timerId = configuration.getTimerElementSecondaryKey();
    ActivityImpl timer = timerId == null ? null : definition.findActivity(timerId);
    if (timer == null) {
      startProcessInstance(commandContext, tenantId, definition);
    } else if (!definition.isSuspended()) {
      definition.createProcessInstance(null, timer).start();
    }
  }
}
