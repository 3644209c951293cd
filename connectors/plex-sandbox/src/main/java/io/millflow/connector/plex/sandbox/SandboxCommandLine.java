package io.millflow.connector.plex.sandbox;

import io.millflow.sandbox.Faults;
import io.millflow.sandbox.SandboxOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Options of the standalone sandbox, each {@code --name=value}, all optional: {@code --host}
 * (127.0.0.1), {@code --port} (8089), {@code --api-key}, {@code --tenant-id}, {@code --seed} (42),
 * {@code --purchase-orders} (500), {@code --lines-per-order} (5), {@code --rate-limit} (calls per
 * minute, 200; 0 = off), {@code --data-end} (instant, 2025-01-01T00:00:00Z), {@code --period-days}
 * (366), {@code --suppliers} (40), {@code --parts} (40), {@code --containers} (200), {@code --jobs}
 * (100), {@code --equipment} (24), {@code --error-rate} (share of calls answered 503, 0..1, 0) and
 * {@code --latency-ms} (added to every call, 0).
 */
record SandboxCommandLine(
    InetSocketAddress address, PlexSandboxConfig config, double errorRate, Duration latency) {

  private static final Set<String> OPTIONS =
      Set.of(
          "host",
          "port",
          "api-key",
          "tenant-id",
          "seed",
          "purchase-orders",
          "lines-per-order",
          "rate-limit",
          "data-end",
          "period-days",
          "suppliers",
          "parts",
          "containers",
          "jobs",
          "equipment",
          "error-rate",
          "latency-ms");

  static SandboxCommandLine parse(String... args) {
    Map<String, String> options = SandboxOptions.parse(OPTIONS, args);
    PlexSandboxConfig defaults = PlexSandboxConfig.defaults();
    PlexSandboxConfig.Volumes volumes = defaults.volumes();
    PlexSandboxConfig config =
        defaults
            .withApiKey(options.getOrDefault("api-key", defaults.apiKey()))
            .withTenantId(options.get("tenant-id"))
            .withSeed(Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))))
            .withPurchaseOrders(Integer.parseInt(options.getOrDefault("purchase-orders", "500")))
            .withLinesPerOrder(Integer.parseInt(options.getOrDefault("lines-per-order", "5")))
            .withRateLimitPerMinute(Integer.parseInt(options.getOrDefault("rate-limit", "200")))
            .withModifiedPeriod(
                Instant.parse(options.getOrDefault("data-end", defaults.dataEnd().toString())),
                Duration.ofDays(Long.parseLong(options.getOrDefault("period-days", "366"))))
            .withVolumes(
                new PlexSandboxConfig.Volumes(
                    number(options, "suppliers", volumes.suppliers()),
                    number(options, "parts", volumes.parts()),
                    number(options, "containers", volumes.containers()),
                    number(options, "jobs", volumes.jobs()),
                    number(options, "equipment", volumes.equipment())));
    InetSocketAddress address =
        new InetSocketAddress(
            options.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(options.getOrDefault("port", "8089")));
    return new SandboxCommandLine(
        address,
        config,
        Double.parseDouble(options.getOrDefault("error-rate", "0")),
        Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "0"))));
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  /**
   * Sets the error rate (503s, as Plex's gateway answers) and the latency on a started sandbox's
   * faults.
   */
  void applyFaults(Faults faults) {
    faults.errorRate(errorRate, 503).latency(latency);
  }
}
