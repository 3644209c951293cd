package io.millflow.engine.history;

import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.observe.RunLog;
import org.jdbi.v3.core.Jdbi;

/** A run history over a test's own store, for tests outside this package. */
public final class TestHistories {

  private TestHistories() {}

  public static RunHistory over(Jdbi jdbi) {
    return new RunHistory(jdbi, new RunLog(new MillflowMetrics(false)));
  }
}
