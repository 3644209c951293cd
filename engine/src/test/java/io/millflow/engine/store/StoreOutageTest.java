package io.millflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class StoreOutageTest {

  @Test
  void tellsAnUnreachableDatabaseFromAStatementItRefused() {
    assertThat(
            StoreOutage.isUnreachable(
                new ConnectionException(new SQLTransientConnectionException("timed out"))))
        .isTrue();
    assertThat(
            StoreOutage.isUnreachable(
                new UnableToExecuteStatementException(
                    new SQLException("An I/O error occurred while sending to the backend", "08006"),
                    null)))
        .isTrue();
    assertThat(
            StoreOutage.isUnreachable(
                new UnableToExecuteStatementException(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"),
                    null)))
        .isTrue();
    assertThat(
            StoreOutage.isUnreachable(
                new UnableToExecuteStatementException(
                    new SQLException("duplicate key value violates unique constraint", "23505"),
                    null)))
        .isFalse();
    assertThat(StoreOutage.isUnreachable(new IllegalStateException("no such flow"))).isFalse();
  }

  @Test
  void retriesAWriteThroughAShortOutage() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        StoreOutage.persistently(
            "a test write",
            Duration.ofSeconds(10),
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new ConnectionException(new SQLTransientConnectionException("refused"));
              }
              return "written";
            });
    assertThat(result).isEqualTo("written");
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpAtOnceOnAnythingButAnOutage() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                StoreOutage.persistently(
                    "a test write",
                    Duration.ofSeconds(10),
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalArgumentException("bad input");
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void givesUpWhenTheOutageOutlastsItsTime() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                StoreOutage.persistently(
                    "a test write",
                    Duration.ofMillis(600),
                    () -> {
                      calls.incrementAndGet();
                      throw new ConnectionException(new SQLTransientConnectionException("refused"));
                    }))
        .isInstanceOf(ConnectionException.class);
    assertThat(calls.get()).isBetween(2, 3);
  }
}
