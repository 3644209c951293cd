package io.millflow.connector.plex.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link PlexSandbox} behaves: the credentials it accepts, the data it generates and the rate
 * limit it enforces. Start from {@link #defaults()} and change what matters with the {@code
 * with...} methods: {@code
 * PlexSandboxConfig.defaults().withPurchaseOrders(10_000).withApiKey(key)}.
 *
 * @param apiKey the only consumer key the sandbox accepts in {@code X-Plex-Connect-Api-Key}
 * @param tenantId when set, a request naming another tenant in {@code X-Plex-Connect-Tenant-Id}
 *     gets a 401, as Plex answers a key without access to that tenant; null accepts any tenant
 * @param seed the same seed gives the same records, ids included
 * @param purchaseOrders how many purchase orders exist
 * @param linesPerOrder line items of each order
 * @param dataEnd every record was last modified before this instant
 * @param modifiedPeriod the records' modified dates spread over this period, ending at {@code
 *     dataEnd}
 * @param rateLimitPerMinute calls allowed per key and minute before a 429; 0 turns the limit off
 *     (for local performance runs)
 * @param volumes how many suppliers, parts, containers, jobs and pieces of equipment exist
 * @param dataSourceAccount the web-service account the Data Source API accepts (Basic auth)
 */
public record PlexSandboxConfig(
    String apiKey,
    String tenantId,
    long seed,
    int purchaseOrders,
    int linesPerOrder,
    Instant dataEnd,
    Duration modifiedPeriod,
    int rateLimitPerMinute,
    Volumes volumes,
    DataSourceAccount dataSourceAccount) {

  /** The key of a sandbox started with defaults. Plex keys are UUIDs; so is this one. */
  public static final String DEFAULT_API_KEY = "5b0c2f4e-7d1a-4e8b-9c3f-0a6d8e2b1f47";

  /** A fixed end, so that the default data is the same on every machine and every day. */
  public static final Instant DEFAULT_DATA_END = Instant.parse("2025-01-01T00:00:00Z");

  /**
   * Master data volumes; purchase orders buy from the suppliers and parts, containers and jobs hold
   * the parts.
   */
  public record Volumes(int suppliers, int parts, int containers, int jobs, int equipment) {

    public Volumes {
      if (suppliers < 1 || parts < 1 || containers < 0 || jobs < 0 || equipment < 0) {
        throw new IllegalArgumentException(
            "At least one supplier and one part, and no negative volume: " + this);
      }
    }
  }

  /** A Plex web-service account for the Data Source API. */
  public record DataSourceAccount(String username, String password) {

    public DataSourceAccount {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "DataSourceAccount[username=" + username + ", password=(hidden)]";
    }
  }

  public PlexSandboxConfig {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(dataEnd, "dataEnd");
    Objects.requireNonNull(modifiedPeriod, "modifiedPeriod");
    Objects.requireNonNull(volumes, "volumes");
    Objects.requireNonNull(dataSourceAccount, "dataSourceAccount");
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

  /**
   * 500 orders of 5 lines, 40 suppliers, 40 parts, 200 containers, 100 jobs and 24 pieces of
   * equipment modified during 2024, Plex's 200 calls per minute, key {@link #DEFAULT_API_KEY}, Data
   * Source account {@code millflow-ws}.
   */
  public static PlexSandboxConfig defaults() {
    return new PlexSandboxConfig(
        DEFAULT_API_KEY,
        null,
        42L,
        500,
        5,
        DEFAULT_DATA_END,
        Duration.ofDays(366),
        200,
        new Volumes(40, 40, 200, 100, 24),
        new DataSourceAccount("millflow-ws", "sandbox-password"));
  }

  public PlexSandboxConfig withApiKey(String apiKey) {
    return with(copy -> copy.apiKey = apiKey);
  }

  public PlexSandboxConfig withTenantId(String tenantId) {
    return with(copy -> copy.tenantId = tenantId);
  }

  public PlexSandboxConfig withSeed(long seed) {
    return with(copy -> copy.seed = seed);
  }

  public PlexSandboxConfig withPurchaseOrders(int purchaseOrders) {
    return with(copy -> copy.purchaseOrders = purchaseOrders);
  }

  public PlexSandboxConfig withLinesPerOrder(int linesPerOrder) {
    return with(copy -> copy.linesPerOrder = linesPerOrder);
  }

  /** Modified dates spread over {@code period} ending at {@code end}. */
  public PlexSandboxConfig withModifiedPeriod(Instant end, Duration period) {
    return with(
        copy -> {
          copy.dataEnd = end;
          copy.modifiedPeriod = period;
        });
  }

  /** Calls per key and minute; 0 turns the limit off. */
  public PlexSandboxConfig withRateLimitPerMinute(int rateLimitPerMinute) {
    return with(copy -> copy.rateLimitPerMinute = rateLimitPerMinute);
  }

  public PlexSandboxConfig withoutRateLimit() {
    return withRateLimitPerMinute(0);
  }

  public PlexSandboxConfig withVolumes(Volumes volumes) {
    return with(copy -> copy.volumes = volumes);
  }

  public PlexSandboxConfig withDataSourceAccount(String username, String password) {
    return with(copy -> copy.dataSourceAccount = new DataSourceAccount(username, password));
  }

  public Instant dataStart() {
    return dataEnd.minus(modifiedPeriod);
  }

  public int suppliers() {
    return volumes.suppliers();
  }

  public int parts() {
    return volumes.parts();
  }

  private PlexSandboxConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so each {@code with...} names only what it changes. */
  private static final class Copy {
    String apiKey;
    String tenantId;
    long seed;
    int purchaseOrders;
    int linesPerOrder;
    Instant dataEnd;
    Duration modifiedPeriod;
    int rateLimitPerMinute;
    Volumes volumes;
    DataSourceAccount dataSourceAccount;

    Copy(PlexSandboxConfig config) {
      apiKey = config.apiKey;
      tenantId = config.tenantId;
      seed = config.seed;
      purchaseOrders = config.purchaseOrders;
      linesPerOrder = config.linesPerOrder;
      dataEnd = config.dataEnd;
      modifiedPeriod = config.modifiedPeriod;
      rateLimitPerMinute = config.rateLimitPerMinute;
      volumes = config.volumes;
      dataSourceAccount = config.dataSourceAccount;
    }

    PlexSandboxConfig build() {
      return new PlexSandboxConfig(
          apiKey,
          tenantId,
          seed,
          purchaseOrders,
          linesPerOrder,
          dataEnd,
          modifiedPeriod,
          rateLimitPerMinute,
          volumes,
          dataSourceAccount);
    }
  }
}
