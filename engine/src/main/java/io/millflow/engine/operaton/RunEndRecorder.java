package io.millflow.engine.operaton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Notes that a run ended, in the engine's own transaction: when a root process instance completes
 * (not when it is cancelled), a row goes into {@code operaton_run_end} on the engine's connection,
 * so the end is recorded exactly when the completion commits; once committed, {@link RunEndCourier}
 * is woken to hand it to Millflow.
 */
final class RunEndRecorder implements ExecutionListener {

  private final Runnable recorded;

  RunEndRecorder(Runnable recorded) {
    this.recorded = recorded;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ExecutionEntity instance = (ExecutionEntity) execution;
    if (instance.isCanceled()
        || instance.getSuperExecution() != null
        || !instance.isProcessInstanceExecution()) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    insert(
        command.getDbSqlSession().getSqlSession().getConnection(),
        instance.getId(),
        instance.getProcessDefinition().getKey());
    command
        .getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> recorded.run());
  }

  private static void insert(Connection connection, String instanceId, String processId) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into operaton_run_end (instance_id, process_id) values (?, ?) on conflict do nothing")) {
      insert.setString(1, instanceId);
      insert.setString(2, processId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not record the end of run " + instanceId, e);
    }
  }
}
