package io.millflow.connector.idhammar.sandbox;

import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig.WebhookConfig;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.SandboxOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Options of the standalone sandbox, each {@code --name=value}, all optional: {@code --host}
 * (127.0.0.1), {@code --port} (8091), {@code --api-token}, {@code --seed} (42), {@code
 * --downtime-events} (10000), {@code --spacing-seconds} (120, between two events of the plant),
 * {@code --rate-limit} (calls per token and minute, 600; 0 = off), {@code --webhook-url} and {@code
 * --webhook-secret} (both, to push downtime events), {@code --webhook-interval-ms} (1000); faults
 * from the start: {@code --error-rate} (0..1, answered with {@code --error-status}, 503), {@code
 * --latency-ms} (0).
 */
record SandboxCommandLine(
    InetSocketAddress address,
    IdhammarSandboxConfig config,
    double errorRate,
    int errorStatus,
    long latencyMillis) {

  private static final Set<String> OPTIONS =
      Set.of(
          "host",
          "port",
          "api-token",
          "seed",
          "downtime-events",
          "spacing-seconds",
          "rate-limit",
          "webhook-url",
          "webhook-secret",
          "webhook-interval-ms",
          "error-rate",
          "error-status",
          "latency-ms");

  static SandboxCommandLine parse(String... args) {
    Map<String, String> options = SandboxOptions.parse(OPTIONS, args);
    IdhammarSandboxConfig defaults = IdhammarSandboxConfig.defaults();
    IdhammarSandboxConfig config =
        defaults
            .withApiToken(options.getOrDefault("api-token", defaults.apiToken()))
            .withSeed(Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))))
            .withDowntimeEvents(Integer.parseInt(options.getOrDefault("downtime-events", "10000")))
            .withEventSpacing(
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("spacing-seconds", "120"))))
            .withRateLimitPerMinute(Integer.parseInt(options.getOrDefault("rate-limit", "600")));
    String url = options.get("webhook-url");
    String secret = options.get("webhook-secret");
    if ((url == null) != (secret == null)) {
      throw new IllegalArgumentException(
          "Give --webhook-url and --webhook-secret together, or neither.");
    }
    if (url != null) {
      WebhookConfig webhook = WebhookConfig.of(URI.create(url), secret);
      Duration interval =
          Duration.ofMillis(Long.parseLong(options.getOrDefault("webhook-interval-ms", "1000")));
      config =
          config.withWebhook(
              new WebhookConfig(
                  webhook.url(), secret, interval, webhook.maxAttempts(), webhook.firstBackoff()));
    }
    InetSocketAddress address =
        new InetSocketAddress(
            options.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(options.getOrDefault("port", "8091")));
    return new SandboxCommandLine(
        address,
        config,
        Double.parseDouble(options.getOrDefault("error-rate", "0")),
        Integer.parseInt(options.getOrDefault("error-status", "503")),
        Long.parseLong(options.getOrDefault("latency-ms", "0")));
  }

  /** Sets the faults asked for on the command line. */
  void applyFaults(Faults faults) {
    faults.errorRate(errorRate, errorStatus).latency(Duration.ofMillis(latencyMillis));
  }
}
