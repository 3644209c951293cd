package io.millflow.engine.zeebe;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes the in-memory engine's log safe to read while it is written. Its log storage keeps the
 * records in a plain {@code ArrayList} that one thread appends to while the stream processor reads
 * it from another; when the list grows, the processor can read a slot not yet visible and stops for
 * good on a NullPointerException in {@code InMemoryLogStorage$ListLogStorageReader.next}, after
 * which every command times out (seen in long test runs and after minutes of use). Before the
 * engine starts, the empty list is swapped for a synchronized one: each read and each append is
 * then atomic. If a later engine version is built differently, the engine runs as it is and this
 * says so.
 */
public final class InMemoryLogGuard {

  private static final Logger LOG = Logger.getLogger(InMemoryLogGuard.class);

  private InMemoryLogGuard() {}

  /**
   * @return true when the engine's log is now synchronized
   */
  public static boolean apply(ZeebeTestEngine engine) {
    try {
      Object logStream = read(engine, "logStream");
      Object storage = read(logStream, "logStorage");
      Field entries = field(storage.getClass(), "logEntries");
      @SuppressWarnings("unchecked")
      List<ByteBuffer> current = (List<ByteBuffer>) entries.get(storage);
      entries.set(storage, Collections.synchronizedList(new ArrayList<>(current)));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warnf(
          "Could not make the in-memory engine's log safe for concurrent reads (%s); it may stop under load",
          e);
      return false;
    }
  }

  private static Object read(Object owner, String name) throws ReflectiveOperationException {
    return field(owner.getClass(), name).get(owner);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
