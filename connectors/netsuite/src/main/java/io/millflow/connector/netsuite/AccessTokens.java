package io.millflow.connector.netsuite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * M2M access tokens, one per connection (account, client id and certificate id), shared by every
 * client and step run in this JVM, renewed a while before they expire (five minutes, or a tenth of
 * a short lifetime) and when NetSuite answers 401. One thread fetches a token while the others of
 * the same connection wait for it.
 */
public final class AccessTokens {

  private static final AccessTokens SHARED = new AccessTokens(Clock.systemUTC());
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  /** A bearer token and when it stops working. */
  public record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[value=(hidden), expiresAt=" + expiresAt + "]";
    }
  }

  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  public AccessTokens(Clock clock) {
    this.clock = clock;
  }

  public static AccessTokens shared() {
    return SHARED;
  }

  /**
   * The connection's token; {@code fetch} gets a new one when there is none or it is about to
   * expire.
   */
  String token(String key, Supplier<Token> fetch) {
    return slots.computeIfAbsent(key, k -> new Slot()).token(fetch);
  }

  /**
   * Forgets {@code rejected} (NetSuite answered 401 to it); a newer token already in its place
   * stays.
   */
  void invalidate(String key, String rejected) {
    Slot slot = slots.get(key);
    if (slot != null) {
      slot.invalidate(rejected);
    }
  }

  private final class Slot {
    private Token token;
    private Instant issuedAt;

    synchronized String token(Supplier<Token> fetch) {
      Instant now = clock.instant();
      if (token == null || !now.isBefore(renewAt())) {
        token = fetch.get();
        issuedAt = now;
      }
      return token.value();
    }

    synchronized void invalidate(String rejected) {
      if (token != null && token.value().equals(rejected)) {
        token = null;
      }
    }

    private Instant renewAt() {
      Duration lifetime = Duration.between(issuedAt, token.expiresAt());
      Duration margin =
          lifetime.dividedBy(10).compareTo(RENEW_BEFORE) < 0
              ? lifetime.dividedBy(10)
              : RENEW_BEFORE;
      return token.expiresAt().minus(margin);
    }
  }
}
