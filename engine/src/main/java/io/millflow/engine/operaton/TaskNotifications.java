package io.millflow.engine.operaton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every Millflow instance on the database that tasks were created, so a task made by one
 * instance is fetched by whichever is free at once, not at the next poll (PostgreSQL LISTEN /
 * NOTIFY). Without it, work started through one instance stayed on it for a poll interval, and
 * short runs never reached the others. Announcements are coalesced: a burst of created tasks sends
 * one notification; a lost one only costs a poll interval. An announcement names its sender, which
 * ignores its own: it was woken when the task was created, and a second fetch finds nothing.
 */
final class TaskNotifications implements AutoCloseable {

  static final String CHANNEL = "millflow_operaton_tasks";
  private static final Logger LOG = Logger.getLogger(TaskNotifications.class);
  private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

  private final DataSource dataSource;
  private final String workerName;
  private final WakeSignal local;
  private final Duration pollInterval;
  private final WakeSignal announce = new WakeSignal();
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private Thread sender;
  private Thread listener;

  TaskNotifications(
      DataSource dataSource, String workerName, WakeSignal local, Duration pollInterval) {
    this.dataSource = dataSource;
    this.workerName = workerName;
    this.local = local;
    this.pollInterval = pollInterval;
  }

  /**
   * A task was created in this instance (its transaction committed): wake this instance now, and
   * the others soon.
   */
  void taskCreated() {
    local.wake();
    if (pending.compareAndSet(false, true)) {
      announce.wake();
    }
  }

  /** Starts listening for other instances' tasks and sending this one's announcements. */
  void listen() {
    sender = Thread.ofPlatform().name("operaton-task-announce").daemon().start(this::sendLoop);
    listener = Thread.ofPlatform().name("operaton-task-listen").daemon().start(this::listenLoop);
  }

  private void sendLoop() {
    while (running.get()) {
      try {
        announce.await(pollInterval);
        if (pending.getAndSet(false)) {
          notifyOthers();
        }
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.debugf(
            "Could not announce created tasks (%s); other instances find them at their next poll",
            e.getMessage());
      }
    }
  }

  private void notifyOthers() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement sql = connection.prepareStatement("select pg_notify(?, ?)")) {
      sql.setString(1, CHANNEL);
      sql.setString(2, workerName);
      sql.execute();
    }
  }

  private void listenLoop() {
    while (running.get()) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement sql = connection.createStatement()) {
          sql.execute("listen " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running.get()) {
          PGNotification[] notifications = postgres.getNotifications((int) pollInterval.toMillis());
          if (fromOthers(notifications)) {
            local.wake();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running.get()) {
          return;
        }
        LOG.debugf(
            "Listening for other instances' tasks failed (%s); trying again in %d s",
            e.getMessage(), RECONNECT_AFTER.toSeconds());
        sleep(RECONNECT_AFTER);
      }
    }
  }

  private boolean fromOthers(PGNotification[] notifications) {
    if (notifications == null) {
      return false;
    }
    for (PGNotification notification : notifications) {
      if (!workerName.equals(notification.getParameter())) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    if (sender != null) {
      sender.interrupt();
    }
    if (listener != null) {
      listener.interrupt();
    }
  }
}
