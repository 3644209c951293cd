package io.millflow.connector.postgres;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a dataset one chunk ahead on a thread of its own, so parsing the next records overlaps the
 * COPY of the current batch (the database works in its own process meanwhile). Records come out in
 * order; a failure of the read (an unreadable record) is rethrown to the consumer as it was thrown.
 * At most three chunks are held: the one consumed, one queued, one being read. Close it before the
 * source stream.
 */
final class ReadAhead<T> implements AutoCloseable {

  private static final Object END = new Object();

  private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(1);
  private final Thread reader;
  private volatile boolean closed;

  private ReadAhead(Stream<T> source, int chunkSize) {
    Iterator<T> records = source.iterator();
    this.reader =
        Thread.ofPlatform()
            .name("postgres.write-read-ahead")
            .daemon()
            .unstarted(
                () -> {
                  try {
                    while (!closed) {
                      List<T> chunk = new ArrayList<>(chunkSize);
                      while (chunk.size() < chunkSize && records.hasNext()) {
                        chunk.add(records.next());
                      }
                      if (!chunk.isEmpty()) {
                        chunks.put(chunk);
                      }
                      if (chunk.size() < chunkSize) {
                        chunks.put(END);
                        return;
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (RuntimeException | Error e) {
                    offer(new Failure(e));
                  }
                });
  }

  static <T> ReadAhead<T> start(Stream<T> source, int chunkSize) {
    ReadAhead<T> ahead = new ReadAhead<>(source, chunkSize);
    ahead.reader.start();
    return ahead;
  }

  /** The records, in the source's order; to be consumed once, by one thread. */
  Stream<T> records() {
    Iterator<T> iterator =
        new Iterator<>() {
          private Iterator<T> current = List.<T>of().iterator();
          private boolean ended;

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && !ended) {
              next(take());
            }
            return current.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }

          @SuppressWarnings("unchecked")
          private void next(Object chunk) {
            switch (chunk) {
              case Failure failure when failure.error() instanceof RuntimeException e -> throw e;
              case Failure failure -> throw (Error) failure.error();
              case List<?> list -> current = (Iterator<T>) list.iterator();
              default -> ended = true;
            }
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
  }

  private Object take() {
    try {
      return chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the dataset", e);
    }
  }

  private void offer(Object item) {
    try {
      chunks.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the reader (it may be blocked handing over a chunk nobody will take) and waits for it.
   */
  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Failure(Throwable error) {}
}
