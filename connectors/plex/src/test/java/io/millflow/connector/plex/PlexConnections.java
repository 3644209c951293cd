package io.millflow.connector.plex;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.step.Connection;
import java.util.HashMap;
import java.util.Map;

/** Plex connections for tests, pointed at a sandbox. */
final class PlexConnections {

  private PlexConnections() {}

  /**
   * A connection to the sandbox with its key, client-side pacing high enough not to slow a test.
   */
  static Connection to(PlexSandbox sandbox, String name) {
    return to(sandbox, name, sandbox.config().apiKey(), Map.of());
  }

  static Connection to(
      PlexSandbox sandbox, String name, String apiKey, Map<String, String> extraSettings) {
    Map<String, String> settings =
        new HashMap<>(Map.of("baseUrl", sandbox.baseUrl(), "rateLimitPerMinute", "100000"));
    settings.putAll(extraSettings);
    return new Connection(name, "plex", settings, Map.of("apiKey", apiKey));
  }
}
