package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.core.variable.mapping.value.ConstantValueProvider;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.operaton.bpm.engine.impl.pvm.delegate.ActivityExecution;

/**
 * A service task with a zeebe:taskDefinition: an external task whose topic is the task type,
 * created with the retries of the definition (Operaton leaves them null). Created by a completing
 * attempt of this engine, it goes to that attempt's worker next ({@link TaskChains}); otherwise it
 * wakes this engine's fetch loop once its transaction commits.
 */
final class ZeebeServiceTaskBehavior extends ExternalTaskActivityBehavior {

  private final int retries;
  private final Runnable taskCreated;
  private final TaskChains chains;

  ZeebeServiceTaskBehavior(String type, int retries, Runnable taskCreated, TaskChains chains) {
    super(new ConstantValueProvider(type), new ConstantValueProvider(0L));
    this.retries = Math.max(1, retries);
    this.taskCreated = taskCreated;
    this.chains = chains;
  }

  @Override
  public void execute(ActivityExecution execution) {
    ExecutionEntity executionEntity = (ExecutionEntity) execution;
    long priority =
        Context.getProcessEngineConfiguration()
            .getExternalTaskPriorityProvider()
            .determinePriority(executionEntity, this, null);
    String topic = (String) topicNameValueProvider.getValue(executionEntity);
    ExternalTaskEntity task = ExternalTaskEntity.createAndInsert(executionEntity, topic, priority);
    task.setRetries(retries);
    if (!chains.claim(task)) {
      Context.getCommandContext()
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> taskCreated.run());
    }
  }
}
