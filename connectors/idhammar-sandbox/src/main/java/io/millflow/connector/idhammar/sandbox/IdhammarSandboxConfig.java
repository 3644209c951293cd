package io.millflow.connector.idhammar.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an {@link IdhammarSandbox} behaves. Start from {@link #defaults()} and change what matters
 * with the {@code with...} methods: {@code
 * IdhammarSandboxConfig.defaults().withDowntimeEvents(1_000_000).withoutRateLimit()}.
 *
 * @param apiToken the only token accepted in {@code Authorization: Bearer <token>}
 * @param seed the same seed gives the same plant, events, reasons and counts
 * @param downtimeEvents how many downtime events have started by {@code anchor}; more start as the
 *     clock passes it
 * @param eventSpacing time between the starts of two consecutive events of the plant (any machine);
 *     a machine's events are twelve spacings apart, so a machine is down for a fraction of each
 *     such slot
 * @param anchor the instant at which exactly {@code downtimeEvents} events have started; null: the
 *     clock's instant when the sandbox is made (the history then ends "now")
 * @param clock what "now" is: events start and end, and periods close, as it moves (tests pass a
 *     movable clock)
 * @param rateLimitPerMinute calls allowed per token and minute before a 429; 0 turns the limit off
 * @param webhook where new downtime events are pushed, or null for no push
 */
public record IdhammarSandboxConfig(
    String apiToken,
    long seed,
    int downtimeEvents,
    Duration eventSpacing,
    Instant anchor,
    Clock clock,
    int rateLimitPerMinute,
    WebhookConfig webhook) {

  /** The token of a sandbox started with defaults. */
  public static final String DEFAULT_API_TOKEN = "idh_sandbox_3f9c2a7e5b1d4c8f";

  /**
   * Push of downtime events to a webhook.
   *
   * @param url where each event is POSTed
   * @param secret the HMAC-SHA256 key of {@code X-Idhammar-Signature}
   * @param interval how often the sandbox looks for events that started or ended
   * @param maxAttempts deliveries of one event before it is dropped (with a warning)
   * @param firstBackoff the wait after the first failed delivery; it doubles after each further one
   */
  public record WebhookConfig(
      URI url, String secret, Duration interval, int maxAttempts, Duration firstBackoff) {

    public WebhookConfig {
      Objects.requireNonNull(url, "url");
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException("A webhook needs a secret to sign its requests");
      }
      if (interval.isNegative()
          || interval.isZero()
          || maxAttempts < 1
          || firstBackoff.isNegative()) {
        throw new IllegalArgumentException(
            "interval must be positive, maxAttempts at least 1, firstBackoff >= 0");
      }
    }

    /**
     * Looks every second, delivers each event up to 6 times, waiting 1, 2, 4, 8, 16 s between
     * attempts.
     */
    public static WebhookConfig of(URI url, String secret) {
      return new WebhookConfig(url, secret, Duration.ofSeconds(1), 6, Duration.ofSeconds(1));
    }
  }

  public IdhammarSandboxConfig {
    Objects.requireNonNull(apiToken, "apiToken");
    Objects.requireNonNull(eventSpacing, "eventSpacing");
    Objects.requireNonNull(clock, "clock");
    if (apiToken.isBlank()) {
      throw new IllegalArgumentException("apiToken must not be blank");
    }
    if (downtimeEvents < 0 || rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("downtimeEvents and rateLimitPerMinute must be >= 0");
    }
    if (eventSpacing.toSeconds() < 10) {
      throw new IllegalArgumentException("eventSpacing must be at least 10 seconds");
    }
  }

  /** 10,000 events two minutes apart ending now, 600 calls per token and minute, no webhook. */
  public static IdhammarSandboxConfig defaults() {
    return new IdhammarSandboxConfig(
        DEFAULT_API_TOKEN, 42L, 10_000, Duration.ofMinutes(2), null, Clock.systemUTC(), 600, null);
  }

  public IdhammarSandboxConfig withApiToken(String apiToken) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  public IdhammarSandboxConfig withSeed(long seed) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  public IdhammarSandboxConfig withDowntimeEvents(int downtimeEvents) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  public IdhammarSandboxConfig withEventSpacing(Duration eventSpacing) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  /** A fixed anchor and clock: the same data on every machine and every day. */
  public IdhammarSandboxConfig withClock(Clock clock, Instant anchor) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  public IdhammarSandboxConfig withRateLimitPerMinute(int rateLimitPerMinute) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }

  public IdhammarSandboxConfig withoutRateLimit() {
    return withRateLimitPerMinute(0);
  }

  public IdhammarSandboxConfig withWebhook(WebhookConfig webhook) {
    return new IdhammarSandboxConfig(
        apiToken, seed, downtimeEvents, eventSpacing, anchor, clock, rateLimitPerMinute, webhook);
  }
}
