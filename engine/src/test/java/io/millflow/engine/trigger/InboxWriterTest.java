package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InboxWriterTest {

  @Test
  void requestsArrivingTogetherShareOneTransactionAndEachLearnsItsOwnOutcome() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    CountDownLatch firstBatchCommitting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Set<String> storedEvents = java.util.concurrent.ConcurrentHashMap.newKeySet();
    InboxWriter writer =
        new InboxWriter(
            rows -> {
              batchSizes.add(rows.size());
              firstBatchCommitting.countDown();
              await(release);
              Set<UUID> stored = new HashSet<>();
              rows.stream()
                  .filter(row -> storedEvents.add(row.eventId()))
                  .forEach(row -> stored.add(row.id()));
              return stored;
            },
            1);
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Boolean> first = callers.submit(() -> writer.write(row("e0")));
      firstBatchCommitting.await();
      List<Future<Boolean>> waiting = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        String event = i == 50 ? "e1" : "e" + i; // the last repeats e1
        waiting.add(callers.submit(() -> writer.write(row(event))));
      }
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> writer.queued() == 50); // all 50 wait behind the committing batch
      release.countDown();

      assertThat(first.get()).isTrue();
      long stored = 0;
      for (Future<Boolean> outcome : waiting) {
        stored += outcome.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(49);
      assertThat(batchSizes).containsExactly(1, 50);
    } finally {
      writer.stop();
    }
  }

  @Test
  void aFailedCommitFailsEveryRequestInTheBatchSoEachIsAnswered503() {
    InboxWriter writer =
        new InboxWriter(
            rows -> {
              throw new IllegalStateException("database is down");
            },
            1);
    try {
      assertThatThrownBy(() -> writer.write(row("e1")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("database is down");
    } finally {
      writer.stop();
    }
  }

  private static InboxRow row(String eventId) {
    return new InboxRow(UUID.randomUUID(), "t", eventId, "{}", "{}", new byte[0], "{}");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
