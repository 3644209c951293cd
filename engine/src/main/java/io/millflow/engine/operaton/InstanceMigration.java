package io.millflow.engine.operaton;

import java.util.List;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/**
 * Moves a running instance to the latest version of its process (Operaton's process instance
 * migration, activities mapped by id) and enters its failed external tasks again there. Migration
 * alone keeps a task's input mappings as the old version evaluated them; entering the task anew
 * evaluates the new version's, which is what a fix to a step's input needs.
 */
final class InstanceMigration {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ExternalTaskService tasks;

  InstanceMigration(
      RuntimeService runtime, RepositoryService repository, ExternalTaskService tasks) {
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
  }

  /**
   * @throws IllegalStateException when the instance ended or cannot be moved; the message says why
   */
  void toLatest(String instanceKey) {
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(instanceKey).singleResult();
    if (instance == null) {
      throw new IllegalStateException("Instance " + instanceKey + " has ended");
    }
    ProcessDefinition latest = latestOf(instance.getProcessDefinitionId());
    try {
      if (!latest.getId().equals(instance.getProcessDefinitionId())) {
        migrate(instanceKey, instance.getProcessDefinitionId(), latest.getId());
      }
      enterFailedTasksAgain(instanceKey);
    } catch (ProcessEngineException e) {
      throw new IllegalStateException(
          "The run cannot move to version "
              + latest.getVersion()
              + " of its flow: "
              + e.getMessage()
              + " Start a new run instead.",
          e);
    }
  }

  private ProcessDefinition latestOf(String definitionId) {
    String key = repository.getProcessDefinition(definitionId).getKey();
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private void migrate(String instanceKey, String from, String to) {
    MigrationPlan plan =
        runtime.createMigrationPlan(from, to).mapEqualActivities().updateEventTriggers().build();
    runtime.newMigration(plan).processInstanceIds(instanceKey).execute();
  }

  /** Cancels each failed task's activity and starts it before, in one modification per task. */
  private void enterFailedTasksAgain(String instanceKey) {
    List<ExternalTask> failed =
        tasks.createExternalTaskQuery().processInstanceId(instanceKey).noRetriesLeft().list();
    for (ExternalTask task : failed) {
      runtime
          .createProcessInstanceModification(instanceKey)
          .startBeforeActivity(task.getActivityId())
          .cancelActivityInstance(task.getActivityInstanceId())
          .execute();
    }
  }
}
