package io.millflow.connector.plex.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link PlexSandbox} behaves: the API key it accepts, the data it generates and the rate limit it enforces.
 * Start from {@link #defaults()} and change what matters with the {@code with...} methods:
 * {@code PlexSandboxConfig.defaults().withPurchaseOrders(10_000).withApiKey(key)}.
 *
 * @param apiKey the only consumer key the sandbox accepts in {@code X-Plex-Connect-Api-Key}
 * @param tenantId when set, a request naming another tenant in {@code X-Plex-Connect-Tenant-Id} gets a 401, as Plex
 *     answers a key without access to that tenant; null accepts any tenant
 * @param seed the same seed gives the same purchase orders, ids included
 * @param purchaseOrders how many purchase orders exist
 * @param linesPerOrder line items of each order
 * @param dataEnd every order was last modified before this instant
 * @param modifiedPeriod the orders' modified dates spread over this period, ending at {@code dataEnd}
 * @param rateLimitPerMinute calls allowed per key and minute before a 429; 0 turns the limit off (for local
 *     performance runs)
 */
public record PlexSandboxConfig(String apiKey, String tenantId, long seed, int purchaseOrders, int linesPerOrder,
    Instant dataEnd, Duration modifiedPeriod, int rateLimitPerMinute) {

  /** The key of a sandbox started with defaults. Plex keys are UUIDs; so is this one. */
  public static final String DEFAULT_API_KEY = "5b0c2f4e-7d1a-4e8b-9c3f-0a6d8e2b1f47";

  /** A fixed end, so that the default data is the same on every machine and every day. */
  public static final Instant DEFAULT_DATA_END = Instant.parse("2025-01-01T00:00:00Z");

  public PlexSandboxConfig {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(dataEnd, "dataEnd");
    Objects.requireNonNull(modifiedPeriod, "modifiedPeriod");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    if (purchaseOrders < 0 || linesPerOrder < 0 || linesPerOrder > 999) {
      throw new IllegalArgumentException("purchaseOrders must be >= 0 and linesPerOrder in 0..999");
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("rateLimitPerMinute must be >= 0 (0 turns the limit off)");
    }
    if (modifiedPeriod.isNegative() || modifiedPeriod.isZero()) {
      throw new IllegalArgumentException("modifiedPeriod must be positive");
    }
  }

  /** 500 orders of 5 lines modified during 2024, Plex's 200 calls per minute, key {@link #DEFAULT_API_KEY}. */
  public static PlexSandboxConfig defaults() {
    return new PlexSandboxConfig(DEFAULT_API_KEY, null, 42L, 500, 5, DEFAULT_DATA_END, Duration.ofDays(366), 200);
  }

  public PlexSandboxConfig withApiKey(String apiKey) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  public PlexSandboxConfig withTenantId(String tenantId) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  public PlexSandboxConfig withSeed(long seed) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  public PlexSandboxConfig withPurchaseOrders(int purchaseOrders) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  public PlexSandboxConfig withLinesPerOrder(int linesPerOrder) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  /** Modified dates spread over {@code period} ending at {@code end}. */
  public PlexSandboxConfig withModifiedPeriod(Instant end, Duration period) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, end, period,
        rateLimitPerMinute);
  }

  /** Calls per key and minute; 0 turns the limit off. */
  public PlexSandboxConfig withRateLimitPerMinute(int rateLimitPerMinute) {
    return new PlexSandboxConfig(apiKey, tenantId, seed, purchaseOrders, linesPerOrder, dataEnd, modifiedPeriod,
        rateLimitPerMinute);
  }

  public PlexSandboxConfig withoutRateLimit() {
    return withRateLimitPerMinute(0);
  }

  public Instant dataStart() {
    return dataEnd.minus(modifiedPeriod);
  }
}
