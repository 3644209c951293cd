package io.millflow.connector.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one call per item on virtual threads and returns the answers in the items' order; the
 * account's concurrency limiter, not this class, bounds how many reach NetSuite at once. The first
 * failure is rethrown as it was (a retryable or reauth exception keeps its type) once every call
 * has ended, so no call is left running behind a failed attempt.
 */
final class ParallelCalls implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  <I> List<Object> all(List<I> items, Function<I, ?> call) {
    List<Future<?>> futures = new ArrayList<>(items.size());
    for (I item : items) {
      futures.add(executor.submit(() -> call.apply(item)));
    }
    List<Object> answers = new ArrayList<>(items.size());
    RuntimeException failure = null;
    for (Future<?> future : futures) {
      try {
        answers.add(future.get());
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.millflow.step.RetryableStepException("Interrupted during NetSuite calls", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return answers;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
