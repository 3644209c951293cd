package io.millflow.connector.sql;

import io.millflow.step.OutboundGuard;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a driver's socket factory finds its guard. Drivers make their socket factory from a class
 * name and at most a string property, never from an object, so a pool's configuration carries a
 * key: the guard's (each guard gets one, kept for the JVM's life; there is one per runtime) and the
 * setting that named the server. A key that names no guard refuses every address.
 *
 * <p>A driver loads the factory by name through its own class loader. A packaged runtime has one
 * loader for all; Quarkus's test and dev modes load the application apart from its libraries, so
 * the driver gets a second copy of these classes, whose registry is empty. That copy asks the one
 * of the thread's context class loader (the application's), with JDK types only.
 */
public final class SocketGuards {

  private static final Map<OutboundGuard, String> KEYS = new IdentityHashMap<>();
  private static final Map<String, OutboundGuard> GUARDS = new ConcurrentHashMap<>();
  private static final char SEPARATOR = '|';

  private SocketGuards() {}

  /** The key of {@code guard} for the servers {@code field} names. */
  public static String key(OutboundGuard guard, String field) {
    String id;
    synchronized (KEYS) {
      id =
          KEYS.computeIfAbsent(
              guard,
              g -> {
                String fresh = UUID.randomUUID().toString();
                GUARDS.put(fresh, g);
                return fresh;
              });
    }
    return id + SEPARATOR + field;
  }

  /** A socket that checks every address it connects to with the guard {@code key} names. */
  public static GuardedSocket socket(String key) {
    int separator = key == null ? -1 : key.indexOf(SEPARATOR);
    if (separator < 0) {
      return new GuardedSocket(Optional.empty(), "the server");
    }
    return new GuardedSocket(check(key.substring(0, separator)), key.substring(separator + 1));
  }

  /**
   * Why guard {@code id} refuses the address; empty when it allows it. Public for a second copy of
   * this class (see above), which calls it by reflection.
   *
   * @throws IllegalStateException when no guard has that id
   */
  public static Optional<String> refusal(
      String id, String field, String host, InetAddress address, int port) {
    OutboundGuard guard = GUARDS.get(id);
    if (guard == null) {
      throw new IllegalStateException("No outbound guard " + id);
    }
    return guard.refusal(field, host, address, port);
  }

  private static Optional<GuardedSocket.AddressCheck> check(String id) {
    if (GUARDS.containsKey(id)) {
      return Optional.of((field, host, address, port) -> refusal(id, field, host, address, port));
    }
    return applications().map(registry -> foreign(registry, id));
  }

  /** The application's copy of this class, when this one is another. */
  private static Optional<Method> applications() {
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    try {
      Class<?> copy = Class.forName(SocketGuards.class.getName(), true, application);
      return copy == SocketGuards.class
          ? Optional.empty()
          : Optional.of(
              copy.getMethod(
                  "refusal",
                  String.class,
                  String.class,
                  String.class,
                  InetAddress.class,
                  int.class));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty(); // no other copy: the key names no guard, so every address is refused
    }
  }

  @SuppressWarnings("unchecked")
  private static GuardedSocket.AddressCheck foreign(Method refusal, String id) {
    return (field, host, address, port) -> {
      try {
        return (Optional<String>) refusal.invoke(null, id, field, host, address, port);
      } catch (InvocationTargetException | IllegalAccessException e) {
        return Optional.of(
            "Field '" + field + "' cannot be checked against the outbound policy: refused.");
      }
    };
  }
}
