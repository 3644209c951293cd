package io.millflow.engine.operaton;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.event.EventType;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Execution;

/**
 * Correlates a message as Zeebe does: to the instances waiting at a catch of that name whose
 * correlation key (kept by {@link CorrelationKeyListener}) matches, and to the processes it starts
 * by a message start event, once per process (BPMN process id) per message. Returns the processes
 * it correlated to.
 */
final class MessageCorrelator {

  private static final Logger LOG = Logger.getLogger(MessageCorrelator.class);

  private final ProcessEngineConfigurationImpl engine;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Map<String, String> processIds = new ConcurrentHashMap<>();

  MessageCorrelator(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
  }

  /**
   * @param skip the processes this message already correlated to
   * @param start whether to start processes by their message start events (only when published, not
   *     when held)
   */
  Set<String> correlate(
      String name, String key, Map<String, Object> variables, Set<String> skip, boolean start) {
    Set<String> done = new HashSet<>(skip);
    Set<String> correlated = new HashSet<>();
    for (Map.Entry<String, List<Execution>> waiting : waitingByProcess(name, key).entrySet()) {
      if (!done.contains(waiting.getKey()) && triggerOne(waiting.getValue(), name, variables)) {
        done.add(waiting.getKey());
        correlated.add(waiting.getKey());
      }
    }
    if (start) {
      for (ProcessDefinition definition :
          repository.createProcessDefinitionQuery().messageEventSubscriptionName(name).list()) {
        if (done.add(definition.getKey())) {
          runtime
              .createMessageCorrelation(name)
              .processDefinitionId(definition.getId())
              .setVariables(variables)
              .correlateStartMessage();
          correlated.add(definition.getKey());
        }
      }
    }
    return correlated;
  }

  private Map<String, List<Execution>> waitingByProcess(String name, String key) {
    Map<String, List<Execution>> byProcess = new LinkedHashMap<>();
    for (Execution execution :
        runtime
            .createExecutionQuery()
            .messageEventSubscriptionName(name)
            .variableValueEquals(CorrelationKeyListener.variable(name), key)
            .list()) {
      byProcess
          .computeIfAbsent(processId(execution), id -> new java.util.ArrayList<>())
          .add(execution);
    }
    return byProcess;
  }

  private boolean triggerOne(
      List<Execution> candidates, String name, Map<String, Object> variables) {
    for (Execution execution : candidates) {
      try {
        if (engine
            .getCommandExecutorTxRequired()
            .execute(new Trigger(execution.getId(), name, variables))) {
          return true;
        }
      } catch (ProcessEngineException e) {
        LOG.infof(
            "Message %s could not correlate to execution %s (it moved on): %s",
            name, execution.getId(), e.getMessage());
      }
    }
    return false;
  }

  private String processId(Execution execution) {
    String definitionId =
        ((org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
            .getProcessDefinitionId();
    return processIds.computeIfAbsent(
        definitionId, id -> repository.getProcessDefinition(id).getKey());
  }

  /**
   * Triggers the message subscription of one execution, if it is still there (locked, so two
   * Millflow instances do not both trigger it). The message's variables are local to the catch
   * element when it has output mappings.
   */
  private record Trigger(String executionId, String name, Map<String, Object> variables)
      implements Command<Boolean> {
    @Override
    public Boolean execute(org.operaton.bpm.engine.impl.interceptor.CommandContext context) {
      List<EventSubscriptionEntity> subscriptions =
          context
              .getEventSubscriptionManager()
              .findEventSubscriptionsByNameAndExecution(
                  EventType.MESSAGE.name(), name, executionId, true);
      if (subscriptions.isEmpty()) {
        return false;
      }
      EventSubscriptionEntity subscription = subscriptions.get(0);
      ActivityImpl catcher = subscription.getActivity();
      boolean local =
          catcher != null
              && catcher.getIoMapping() != null
              && !catcher.getIoMapping().getOutputParameters().isEmpty();
      subscription.eventReceived(
          local ? null : variables, local ? variables : null, null, null, false);
      return true;
    }
  }
}
