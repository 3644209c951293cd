package io.millflow.connector.plex;

/**
 * Opens a {@link PlexClient} for a connection; steps take one through their constructor so tests
 * can pass a fake.
 */
@FunctionalInterface
public interface PlexClientFactory {

  /**
   * A client of the named connection; {@code name} appears in messages and keys the connection's
   * rate limit.
   */
  PlexClient forConnection(String name, PlexConnection connection);
}
