package io.millflow.connector.plex.sandbox;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of the standalone sandbox, each {@code --name=value}, all optional: {@code --host} (127.0.0.1),
 * {@code --port} (8089), {@code --api-key}, {@code --tenant-id}, {@code --seed} (42), {@code --purchase-orders} (500),
 * {@code --lines-per-order} (5), {@code --rate-limit} (calls per minute, 200; 0 = off), {@code --data-end} (instant,
 * 2025-01-01T00:00:00Z), {@code --period-days} (366).
 */
record SandboxCommandLine(InetSocketAddress address, PlexSandboxConfig config) {

  private static final Set<String> OPTIONS = Set.of("host", "port", "api-key", "tenant-id", "seed", "purchase-orders",
      "lines-per-order", "rate-limit", "data-end", "period-days");

  static SandboxCommandLine parse(String... args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (!arg.startsWith("--") || pair.length != 2 || !OPTIONS.contains(pair[0])) {
        throw new IllegalArgumentException("Unknown option '" + arg + "'. Options (--name=value): " + OPTIONS);
      }
      options.put(pair[0], pair[1]);
    }
    PlexSandboxConfig defaults = PlexSandboxConfig.defaults();
    PlexSandboxConfig config = defaults
        .withApiKey(options.getOrDefault("api-key", defaults.apiKey()))
        .withTenantId(options.get("tenant-id"))
        .withSeed(Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))))
        .withPurchaseOrders(Integer.parseInt(options.getOrDefault("purchase-orders", "500")))
        .withLinesPerOrder(Integer.parseInt(options.getOrDefault("lines-per-order", "5")))
        .withRateLimitPerMinute(Integer.parseInt(options.getOrDefault("rate-limit", "200")))
        .withModifiedPeriod(Instant.parse(options.getOrDefault("data-end", defaults.dataEnd().toString())),
            Duration.ofDays(Long.parseLong(options.getOrDefault("period-days", "366"))));
    InetSocketAddress address = new InetSocketAddress(options.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(options.getOrDefault("port", "8089")));
    return new SandboxCommandLine(address, config);
  }
}
