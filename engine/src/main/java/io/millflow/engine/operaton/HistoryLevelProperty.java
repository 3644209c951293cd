package io.millflow.engine.operaton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.history.HistoryLevel;

/**
 * Operaton refuses to start when the history level it is given is not the one stored in its
 * database ("historyLevel mismatch"). A database an earlier Millflow created at another level is
 * moved to this one before the engine starts; the history already written stays, and is cleaned up
 * after its time to live like the rest. A fresh database has no such row yet: the engine writes it.
 */
final class HistoryLevelProperty {

  private static final Logger LOG = Logger.getLogger(HistoryLevelProperty.class);
  private static final String UNDEFINED_TABLE = "42P01";

  private HistoryLevelProperty() {}

  static void align(DataSource dataSource, HistoryLevel level) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ <> ?")) {
      String id = Integer.toString(level.getId());
      update.setString(1, id);
      update.setString(2, id);
      if (update.executeUpdate() > 0) {
        LOG.infof("The embedded engine's history level is now %s", level.getName());
      }
    } catch (SQLException e) {
      if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
        throw new ProcessEngineException(
            "Could not set the engine's history level to " + level.getName(), e);
      }
    }
  }
}
