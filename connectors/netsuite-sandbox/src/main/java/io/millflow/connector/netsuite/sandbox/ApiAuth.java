package io.millflow.connector.netsuite.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.TbaSignature;
import io.millflow.sandbox.Faults;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every API call passes after the faults: the credentials (a bearer token the sandbox issued
 * and that has not expired, or a token-based-auth signature that verifies), revoked credentials,
 * then the account's concurrency limit. Every refusal is NetSuite's 401 INVALID_LOGIN, which says
 * nothing about why; the 429 is CONCURRENCY_LIMIT_EXCEEDED.
 */
final class ApiAuth extends Filter {

  private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

  private final NetSuiteSandboxConfig config;
  private final Faults faults;
  private final IssuedTokens tokens;
  private final Semaphore concurrency;
  private final AtomicLong refusals = new AtomicLong();

  /**
   * Nonces seen with their timestamps: a replayed TBA request is refused, as NetSuite refuses it.
   */
  private final Map<String, Long> nonces = new ConcurrentHashMap<>();

  private static final long NONCE_SWEEP = 100_000;
  private volatile long sweepAt = NONCE_SWEEP;

  ApiAuth(NetSuiteSandboxConfig config, Faults faults, IssuedTokens tokens) {
    this.config = config;
    this.faults = faults;
    this.tokens = tokens;
    this.concurrency = new Semaphore(config.concurrencyLimit());
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (faults.credentialsRevoked() || !authenticated(exchange)) {
      NetSuiteErrorShape.INSTANCE.write(exchange, 401, "INVALID_LOGIN", null, null);
      return;
    }
    if (!concurrency.tryAcquire()) {
      refusals.incrementAndGet();
      NetSuiteErrorShape.INSTANCE.write(
          exchange,
          NetSuiteGuesses.CONCURRENCY_LIMIT_STATUS,
          NetSuiteGuesses.CONCURRENCY_LIMIT_CODE,
          null,
          null);
      return;
    }
    try {
      chain.doFilter(exchange);
    } finally {
      concurrency.release();
    }
  }

  /** Calls refused for the concurrency limit so far. */
  long refusals() {
    return refusals.get();
  }

  @Override
  public String description() {
    return "NetSuite credentials and concurrency limit";
  }

  private boolean authenticated(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return false;
    }
    if (header.startsWith("Bearer ")) {
      return tokens.valid(header.substring(7).strip());
    }
    return tbaValid(exchange, TbaSignature.parseHeader(header));
  }

  private boolean tbaValid(HttpExchange exchange, Map<String, String> oauth) {
    if (!same(oauth.get("oauth_consumer_key"), config.consumerKey())
        || !same(oauth.get("oauth_token"), config.tokenId())
        || !TbaSignature.METHOD.equals(oauth.get("oauth_signature_method"))
        || !NetSuiteGuesses.realm(config.accountId()).equals(oauth.get("realm"))) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(oauth.getOrDefault("oauth_timestamp", ""));
    } catch (NumberFormatException e) {
      return false;
    }
    long now = config.clock().instant().getEpochSecond();
    if (Math.abs(now - timestamp) > TIMESTAMP_TOLERANCE.toSeconds()) {
      return false;
    }
    URI uri =
        URI.create(
            "http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI());
    String expected =
        TbaSignature.sign(
            exchange.getRequestMethod(), uri, oauth, config.consumerSecret(), config.tokenSecret());
    return same(oauth.get("oauth_signature"), expected)
        && fresh(oauth.get("oauth_nonce"), timestamp, now);
  }

  private boolean fresh(String nonce, long timestamp, long now) {
    if (nonces.size() > sweepAt) {
      nonces.values().removeIf(seen -> now - seen > TIMESTAMP_TOLERANCE.toSeconds());
      // Every nonce may still be fresh: sweep again only when the map has doubled, not on every
      // call.
      sweepAt = Math.max(NONCE_SWEEP, 2L * nonces.size());
    }
    return nonce != null && !nonce.isEmpty() && nonces.putIfAbsent(nonce, timestamp) == null;
  }

  /** Constant time, as a real server compares secrets. */
  private static boolean same(String given, String expected) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
