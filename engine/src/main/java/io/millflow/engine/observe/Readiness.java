package io.millflow.engine.observe;

import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether this instance can do its work: its state store answers, its engine answers, and its
 * workers are open. Each check gets {@link #WITHIN}: a database that does not answer would
 * otherwise hold a probe for the pool's whole connection timeout.
 */
@Singleton
public class Readiness {

  static final Duration WITHIN = Duration.ofSeconds(2);

  private final Jdbi jdbi;
  private final ProcessEngine engine;
  private final ExecutorService checks =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("millflow-readiness-", 0).factory());
  private volatile boolean workersOpen;

  public Readiness(StateStore store, ProcessEngine engine) {
    this.jdbi = store.jdbi();
    this.engine = engine;
  }

  /** The workers took their first tasks' types: from now on this instance runs steps. */
  public void workersOpened() {
    workersOpen = true;
  }

  /** Each check by name, true when it passed. */
  public Map<String, Boolean> check() {
    Map<String, Boolean> results = new LinkedHashMap<>();
    boolean store =
        within(
            () -> jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1);
    results.put("state-store", store);
    // The embedded engine keeps its state in the state store: it answers when that does.
    results.put("engine", engine.embedded() ? store : within(engine::answers));
    results.put("workers", workersOpen);
    return results;
  }

  private boolean within(BooleanSupplier check) {
    Future<Boolean> answer = checks.submit(check::getAsBoolean);
    try {
      return answer.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      answer.cancel(true);
      return false;
    }
  }

  @PreDestroy
  void close() {
    checks.shutdownNow();
  }
}
