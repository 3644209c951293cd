package io.millflow.connector.netsuite.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The access tokens the sandbox issued and when each expires. */
final class IssuedTokens {

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();

  IssuedTokens(Clock clock) {
    this.clock = clock;
  }

  String issue(Duration lifetime) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    expiries.put(token, clock.instant().plus(lifetime));
    issued.incrementAndGet();
    return token;
  }

  boolean valid(String token) {
    Instant expiry = expiries.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Tokens issued so far. */
  long issued() {
    return issued.get();
  }

  /** Every issued token stops working at once, as when NetSuite revokes them. */
  void revokeAll() {
    expiries.clear();
  }
}
