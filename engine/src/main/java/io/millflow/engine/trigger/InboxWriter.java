package io.millflow.engine.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit for the webhook inbox: requests that arrive together are written in one transaction,
 * so a burst costs one commit (one WAL flush) per batch instead of one per request. Each caller
 * still waits until its own row is committed before its request is answered; a failed batch fails
 * every request in it, and each gets a 503.
 */
final class InboxWriter {

  private static final Logger LOG = Logger.getLogger(InboxWriter.class);
  private static final int MAX_BATCH = 200;
  private static final int QUEUE_CAPACITY = 10_000;

  /**
   * Longer than any healthy commit; a caller waiting this long is answered 503 and the sender
   * retries.
   */
  private static final long WAIT_SECONDS = 10;

  /** One request's row, and the caller waiting for it: true when stored, false when a duplicate. */
  record Pending(InboxRow row, CompletableFuture<Boolean> stored) {}

  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Function<List<InboxRow>, Set<UUID>> insertBatch;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  /**
   * @param insertBatch writes rows in one transaction and returns the ids of those stored (not
   *     duplicates)
   * @param threads how many batches may be committing at once
   */
  InboxWriter(Function<List<InboxRow>, Set<UUID>> insertBatch, int threads) {
    this.insertBatch = insertBatch;
    for (int i = 0; i < threads; i++) {
      writers.add(
          Thread.ofPlatform().name("millflow-inbox-writer-" + i).daemon().start(this::writeLoop));
    }
  }

  /**
   * Stores the row, waiting until it is committed.
   *
   * @return true when stored, false when the trigger already had that event id
   * @throws IllegalStateException when it could not be stored (the caller answers 503)
   */
  boolean write(InboxRow row) {
    Pending pending = new Pending(row, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      throw new IllegalStateException(
          "The inbox is not accepting events (shutting down or " + QUEUE_CAPACITY + " waiting)");
    }
    try {
      return pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "The inbox could not store the event: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The inbox did not store the event within " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing the event", e);
    }
  }

  /**
   * Requests waiting for the next batch (for tests that must know a batch is complete before
   * releasing it).
   */
  int queued() {
    return queue.size();
  }

  void stop() {
    running = false;
    writers.forEach(Thread::interrupt);
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      commit(batch);
      batch.clear();
    }
    failRemaining();
  }

  private void commit(List<Pending> batch) {
    try {
      // JDBC reports per-row counts; a rewritten multi-row insert would not, so the state store
      // must not rewrite.
      Set<UUID> stored = insertBatch.apply(batch.stream().map(Pending::row).toList());
      LOG.infof(
          "Webhook inbox: %d accepted, %d duplicates", stored.size(), batch.size() - stored.size());
      batch.forEach(pending -> pending.stored().complete(stored.contains(pending.row().id())));
    } catch (RuntimeException e) {
      LOG.warnf(
          "A batch of %d webhook events could not be stored: %s", batch.size(), e.getMessage());
      batch.forEach(pending -> pending.stored().completeExceptionally(e));
    }
  }

  private void failRemaining() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(
        pending ->
            pending.stored().completeExceptionally(new IllegalStateException("shutting down")));
  }
}
