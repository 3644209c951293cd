package io.millflow.connector.netsuite.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * How a {@link NetSuiteSandbox} behaves: its account and credentials, the data it generates, how
 * that data changes over time, and NetSuite's limits. Start from {@link #defaults()} and change
 * what matters: {@code
 * NetSuiteSandboxConfig.defaults().withPurchaseOrders(200_000).withResultCeiling(50)}. Immutable:
 * every {@code with...} returns a copy.
 */
public final class NetSuiteSandboxConfig implements Cloneable {

  /**
   * A fixed end of the generated history, so that the same seed gives the same data on every
   * machine.
   */
  public static final Instant DEFAULT_DATA_END = Instant.parse("2026-01-01T00:00:00Z");

  private String accountId = "1234567";
  private String clientId = "5f1e8c2a9b7d4e6f8a0c1b3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f";
  private String certificateId = "aZ3kq9Lr2VxW7mYp1TbN0cHd5FgJ8sUe4OiQ6RwE";
  private String certificatePem;
  private String consumerKey = "c0nsumerKey0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b";
  private String consumerSecret =
      "c0nsumerSecret1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c";
  private String tokenId = "t0kenId2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1";
  private String tokenSecret = "t0kenSecret3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0";
  private long seed = 42;
  private int purchaseOrders = 1_000;
  private int maxLinesPerOrder = 9;
  private int vendors = 200;
  private int items = 500;
  private Instant dataEnd = DEFAULT_DATA_END;
  private Duration period = Duration.ofDays(365);
  private double changeShare = 0.05;
  private Duration changeEvery = Duration.ofHours(1);
  private int resultCeiling = 100_000;
  private int maxPageSize = 1_000;
  private int concurrencyLimit = 15;
  private Duration tokenLifetime = Duration.ofHours(1);
  private Set<String> deniedRecordTypes = Set.of();
  private Duration asyncJobDelay = Duration.ZERO;
  private Clock clock = Clock.systemUTC();
  private ZoneId timeZone = ZoneOffset.UTC;

  private NetSuiteSandboxConfig() {}

  /**
   * Account 1234567; 1,000 purchase orders of 1 to 9 lines (5 on average), 200 vendors and 500
   * inventory items, last modified during 2025; since then 5% of each change every hour (their
   * lastmodifieddate moves with the clock); NetSuite's limits: 1,000 rows a page, 100,000 results a
   * query, 15 requests at once, tokens for an hour. The M2M key pair is generated at start unless
   * {@link #withCertificate} gives the public.pem.
   */
  public static NetSuiteSandboxConfig defaults() {
    return new NetSuiteSandboxConfig();
  }

  public NetSuiteSandboxConfig withAccountId(String value) {
    return copy(c -> c.accountId = value);
  }

  public NetSuiteSandboxConfig withClientId(String value) {
    return copy(c -> c.clientId = value);
  }

  public NetSuiteSandboxConfig withCertificateId(String value) {
    return copy(c -> c.certificateId = value);
  }

  /**
   * The public.pem (X.509 certificate) the client's private.pem belongs to; no key pair is
   * generated then.
   */
  public NetSuiteSandboxConfig withCertificate(String pem) {
    return copy(c -> c.certificatePem = pem);
  }

  public NetSuiteSandboxConfig withSeed(long value) {
    return copy(c -> c.seed = value);
  }

  public NetSuiteSandboxConfig withPurchaseOrders(int value) {
    return copy(c -> c.purchaseOrders = value);
  }

  public NetSuiteSandboxConfig withMaxLinesPerOrder(int value) {
    return copy(c -> c.maxLinesPerOrder = value);
  }

  public NetSuiteSandboxConfig withVendors(int value) {
    return copy(c -> c.vendors = value);
  }

  public NetSuiteSandboxConfig withItems(int value) {
    return copy(c -> c.items = value);
  }

  /** Records were last modified (before any change) during {@code period} ending at {@code end}. */
  public NetSuiteSandboxConfig withHistory(Instant end, Duration period) {
    return copy(
        c -> {
          c.dataEnd = end;
          c.period = period;
        });
  }

  /**
   * From {@code dataEnd} on, {@code share} of the records of each type change every {@code every}.
   */
  public NetSuiteSandboxConfig withChanges(double share, Duration every) {
    return copy(
        c -> {
          c.changeShare = share;
          c.changeEvery = every;
        });
  }

  public NetSuiteSandboxConfig withResultCeiling(int value) {
    return copy(c -> c.resultCeiling = value);
  }

  public NetSuiteSandboxConfig withMaxPageSize(int value) {
    return copy(c -> c.maxPageSize = value);
  }

  public NetSuiteSandboxConfig withConcurrencyLimit(int value) {
    return copy(c -> c.concurrencyLimit = value);
  }

  public NetSuiteSandboxConfig withTokenLifetime(Duration value) {
    return copy(c -> c.tokenLifetime = value);
  }

  /**
   * The integration's role lacks the permission of these record types (purchaseOrder, vendor,
   * inventoryItem).
   */
  public NetSuiteSandboxConfig withoutPermission(String... recordTypes) {
    return copy(
        c -> {
          Set<String> denied = new HashSet<>(c.deniedRecordTypes);
          denied.addAll(Set.of(recordTypes));
          c.deniedRecordTypes = Set.copyOf(denied);
        });
  }

  /** How long an asynchronous request's job stays pending after it was submitted (default 0). */
  public NetSuiteSandboxConfig withAsyncJobDelay(Duration value) {
    return copy(c -> c.asyncJobDelay = value);
  }

  public NetSuiteSandboxConfig withClock(Clock value) {
    return copy(c -> c.clock = value);
  }

  /**
   * The account's time zone (UTC unless told): SuiteQL's {@code TO_TIMESTAMP} literals are read in
   * it and {@code TO_CHAR} writes datetimes in it, as a NetSuite account in that zone does.
   */
  public NetSuiteSandboxConfig withTimeZone(ZoneId value) {
    return copy(c -> c.timeZone = value);
  }

  public String accountId() {
    return accountId;
  }

  public String clientId() {
    return clientId;
  }

  public String certificateId() {
    return certificateId;
  }

  public String certificatePem() {
    return certificatePem;
  }

  public String consumerKey() {
    return consumerKey;
  }

  public String consumerSecret() {
    return consumerSecret;
  }

  public String tokenId() {
    return tokenId;
  }

  public String tokenSecret() {
    return tokenSecret;
  }

  public long seed() {
    return seed;
  }

  public int purchaseOrders() {
    return purchaseOrders;
  }

  public int maxLinesPerOrder() {
    return maxLinesPerOrder;
  }

  public int vendors() {
    return vendors;
  }

  public int items() {
    return items;
  }

  public Instant dataEnd() {
    return dataEnd;
  }

  public Duration period() {
    return period;
  }

  public double changeShare() {
    return changeShare;
  }

  public Duration changeEvery() {
    return changeEvery;
  }

  public int resultCeiling() {
    return resultCeiling;
  }

  public int maxPageSize() {
    return maxPageSize;
  }

  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  public Set<String> deniedRecordTypes() {
    return deniedRecordTypes;
  }

  public Duration asyncJobDelay() {
    return asyncJobDelay;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  private NetSuiteSandboxConfig copy(java.util.function.Consumer<NetSuiteSandboxConfig> change) {
    NetSuiteSandboxConfig copy;
    try {
      copy = (NetSuiteSandboxConfig) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
    change.accept(copy);
    copy.check();
    return copy;
  }

  private void check() {
    if (purchaseOrders < 0 || vendors < 1 || items < 1 || maxLinesPerOrder < 1) {
      throw new IllegalArgumentException(
          "purchaseOrders must be >= 0, vendors, items and maxLinesPerOrder >= 1");
    }
    if (changeShare < 0 || changeShare > 1 || changeEvery.isNegative() || changeEvery.isZero()) {
      throw new IllegalArgumentException("changeShare must be in 0..1 and changeEvery positive");
    }
    if (resultCeiling < 1
        || maxPageSize < 1
        || concurrencyLimit < 1
        || period.isNegative()
        || period.isZero()) {
      throw new IllegalArgumentException(
          "resultCeiling, maxPageSize, concurrencyLimit and period must be positive");
    }
  }
}
