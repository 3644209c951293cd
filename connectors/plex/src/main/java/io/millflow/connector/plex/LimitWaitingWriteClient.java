package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link PlexWriteClient} whose every call waits out Plex's 429 ({@code Retry-After}) and is sent
 * again, for up to {@link #MOST_WAITED} per call. Each call is retried on its own: retrying a
 * record's calls from the first would spend the allowance on calls already answered, and with
 * several records in flight no record would get all of its calls through.
 */
final class LimitWaitingWriteClient implements PlexWriteClient {

  /**
   * How long one call may wait out Plex's 429s in all: the calls in flight beside it share the
   * connection's limit, so a count of retries would fail a call that is only queued behind them.
   */
  static final Duration MOST_WAITED = Duration.ofMinutes(3);

  /** A longer {@code Retry-After} fails the step retryably at once, for the engine to wait out. */
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final PlexWriteClient plex;
  private final StepContext context;

  LimitWaitingWriteClient(PlexWriteClient plex, StepContext context) {
    this.plex = plex;
    this.context = context;
  }

  @Override
  public Optional<ObjectNode> release(String id) {
    return waiting(() -> plex.release(id));
  }

  @Override
  public Optional<ObjectNode> part(String id) {
    return waiting(() -> plex.part(id));
  }

  @Override
  public Optional<ObjectNode> workcenter(String id) {
    return waiting(() -> plex.workcenter(id));
  }

  @Override
  public WriteAnswer createRelease(ObjectNode body) {
    return waiting(() -> plex.createRelease(body));
  }

  @Override
  public WriteAnswer updateRelease(String id, ObjectNode body) {
    return waiting(() -> plex.updateRelease(id, body));
  }

  @Override
  public WriteAnswer cancelRelease(String id, String status) {
    return waiting(() -> plex.cancelRelease(id, status));
  }

  @Override
  public List<ObjectNode> receipts(List<Map.Entry<String, String>> query) {
    return waiting(() -> plex.receipts(query));
  }

  @Override
  public WriteAnswer createReceipt(ObjectNode body) {
    return waiting(() -> plex.createReceipt(body));
  }

  @Override
  public Optional<ObjectNode> supplier(String id) {
    return waiting(() -> plex.supplier(id));
  }

  @Override
  public List<ObjectNode> suppliers(List<Map.Entry<String, String>> query) {
    return waiting(() -> plex.suppliers(query));
  }

  @Override
  public WriteAnswer createSupplier(ObjectNode body) {
    return waiting(() -> plex.createSupplier(body));
  }

  @Override
  public WriteAnswer updateSupplier(String id, ObjectNode body) {
    return waiting(() -> plex.updateSupplier(id, body));
  }

  @Override
  public WriteAnswer recordBatchProduction(String workcenterId, ObjectNode body) {
    return waiting(() -> plex.recordBatchProduction(workcenterId, body));
  }

  private <T> T waiting(Supplier<T> call) {
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        return call.get();
      } catch (RetryableStepException e) {
        Duration wait = e.retryAfter().orElse(null);
        if (wait == null
            || wait.compareTo(LONGEST_WAIT) > 0
            || waited.plus(wait).compareTo(MOST_WAITED) > 0) {
          throw e;
        }
        context.log().info("Plex asked to wait " + wait.toMillis() + " ms: " + e.getMessage());
        sleep(wait);
        waited = waited.plus(wait);
      }
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while waiting out Plex's rate limit", e);
    }
  }
}
