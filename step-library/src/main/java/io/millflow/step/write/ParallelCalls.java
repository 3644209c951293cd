package io.millflow.step.write;

import io.millflow.step.RetryableStepException;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs one call per item on virtual threads and hands on the answers in the items' order: how a
 * write step keeps a system busy without waiting for each answer in turn. The connection's rate or
 * concurrency limiter, not this class, bounds how many reach the system at once. The first failure
 * is rethrown as it was (a retryable or reauth exception keeps its type) once every call has ended,
 * so no call is left running behind a failed attempt.
 */
public final class ParallelCalls implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * Calls {@code call} for each item, at most {@code window} calls started ahead of the oldest
   * unfinished one, and hands each item with its answer to {@code done} in the items' order, on
   * this thread. No call waits for a chunk of others to end: the calls keep the system's slots busy
   * while this thread reads items and takes answers. The first failure is rethrown once every
   * started call has ended; answers after it are not handed on.
   */
  public <I, O> void inOrder(
      Iterator<I> items, int window, Function<I, O> call, BiConsumer<I, O> done) {
    Deque<Map.Entry<I, Future<O>>> started = new ArrayDeque<>(window);
    RuntimeException failure = null;
    while (failure == null && items.hasNext()) {
      I item = items.next();
      started.add(
          new AbstractMap.SimpleImmutableEntry<>(item, executor.submit(() -> call.apply(item))));
      if (started.size() >= window) {
        failure = handOn(started.poll(), done);
      }
    }
    while (!started.isEmpty()) {
      Map.Entry<I, Future<O>> oldest = started.poll();
      if (failure == null) {
        failure = handOn(oldest, done);
      } else {
        answer(oldest.getValue()); // wait for it; its answer or failure no longer matters
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static <I, O> RuntimeException handOn(
      Map.Entry<I, Future<O>> started, BiConsumer<I, O> done) {
    Object answer = answer(started.getValue());
    if (answer instanceof Failed failed) {
      return failed.failure();
    }
    @SuppressWarnings("unchecked")
    O typed = (O) answer;
    done.accept(started.getKey(), typed);
    return null;
  }

  /** A call's failure, as {@link #answer} returns it. */
  private record Failed(RuntimeException failure) {}

  /** The call's answer, or {@link Failed} with what it threw. */
  private static Object answer(Future<?> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      return new Failed(
          e.getCause() instanceof RuntimeException runtime
              ? runtime
              : new IllegalStateException(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException("Interrupted while waiting for parallel calls", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
