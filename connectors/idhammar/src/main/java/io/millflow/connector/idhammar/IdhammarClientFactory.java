package io.millflow.connector.idhammar;

/**
 * Opens an {@link IdhammarClient} for a connection; steps take one through their constructor so
 * tests can pass a fake.
 */
@FunctionalInterface
public interface IdhammarClientFactory {

  /**
   * A client of the named connection; {@code name} appears in messages and keys the connection's
   * pacing.
   */
  IdhammarClient forConnection(String name, IdhammarConnection connection);
}
