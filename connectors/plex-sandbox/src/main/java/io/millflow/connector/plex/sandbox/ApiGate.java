package io.millflow.connector.plex.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.RateLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What every Plex Connect call passes after the kit's faults and before its resource, in this
 * order: the method, the key ({@code X-Plex-Connect-Api-Key}, refused while the faults have
 * credentials revoked), the tenant ({@code X-Plex-Connect-Tenant-Id}) and the key's rate limit.
 */
final class ApiGate extends Filter {

  static final String API_KEY_HEADER = "X-Plex-Connect-Api-Key";
  static final String TENANT_HEADER = "X-Plex-Connect-Tenant-Id";

  private final PlexSandboxConfig config;
  private final Faults faults;
  private final RateLimits rateLimits;
  private final Set<String> methods;

  ApiGate(PlexSandboxConfig config, Faults faults) {
    this(config, faults, new RateLimits(config.rateLimitPerMinute()), Set.of("GET"));
  }

  private ApiGate(
      PlexSandboxConfig config, Faults faults, RateLimits rateLimits, Set<String> methods) {
    this.config = config;
    this.faults = faults;
    this.rateLimits = rateLimits;
    this.methods = methods;
  }

  /** The same gate, sharing its rate limit, for resources Plex also writes through. */
  ApiGate writable() {
    return new ApiGate(config, faults, rateLimits, Set.of("GET", "POST", "PUT"));
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (!methods.contains(exchange.getRequestMethod())) {
      PlexErrorShape.PLEX.write(
          exchange, 405, null, "Only " + String.join(", ", methods) + " is supported here.", null);
      return;
    }
    String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
    String tenant = exchange.getRequestHeaders().getFirst(TENANT_HEADER);
    if (faults.credentialsRevoked()
        || !secretMatches(key, config.apiKey())
        || !tenantAllowed(tenant)) {
      PlexErrorShape.PLEX.notAuthenticated(exchange);
      return;
    }
    Optional<Duration> wait = rateLimits.acquire(key);
    if (wait.isPresent()) {
      PlexErrorShape.PLEX.write(exchange, 429, null, null, wait.get());
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "Plex Connect method, key, tenant and rate limit";
  }

  /**
   * Constant time, as a real server compares secrets; a sandbox that teaches the wrong habit is
   * worse than none.
   */
  static boolean secretMatches(String given, String expected) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private boolean tenantAllowed(String tenant) {
    return tenant == null
        || tenant.isBlank()
        || config.tenantId() == null
        || config.tenantId().equalsIgnoreCase(tenant);
  }
}
