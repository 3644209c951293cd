package io.millflow.connector.plex.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.plex.sandbox.SandboxFaults.Delay;
import io.millflow.connector.plex.sandbox.SandboxFaults.Failure;
import io.millflow.connector.plex.sandbox.SandboxFaults.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Plex API call passes before it reaches its resource, in this order: a planned fault, the method, the key
 * ({@code X-Plex-Connect-Api-Key}), the tenant ({@code X-Plex-Connect-Tenant-Id}) and the key's rate limit.
 */
final class ApiGate extends Filter {

  static final String API_KEY_HEADER = "X-Plex-Connect-Api-Key";
  static final String TENANT_HEADER = "X-Plex-Connect-Tenant-Id";

  private final PlexSandboxConfig config;
  private final SandboxFaults faults;
  private final SandboxRateLimits rateLimits;
  private final AtomicLong calls = new AtomicLong();

  ApiGate(PlexSandboxConfig config, SandboxFaults faults) {
    this.config = config;
    this.faults = faults;
    this.rateLimits = new SandboxRateLimits(config.rateLimitPerMinute());
  }

  long calls() {
    return calls.get();
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    calls.incrementAndGet();
    Optional<Fault> fault = faults.next();
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Failure failure -> {
          SandboxResponses.error(exchange, failure.status(), failure.code(), null, List.of(), failure.retryAfter());
          return;
        }
        case Delay delay -> sleep(delay.delay());
      }
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      SandboxResponses.error(exchange, 405, "Only GET is supported here.", List.of());
      return;
    }
    String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
    String tenant = exchange.getRequestHeaders().getFirst(TENANT_HEADER);
    if (!keyMatches(key) || !tenantAllowed(tenant)) {
      SandboxResponses.notAuthenticated(exchange);
      return;
    }
    Optional<Duration> wait = rateLimits.acquire(key);
    if (wait.isPresent()) {
      SandboxResponses.error(exchange, 429, null, null, List.of(), wait.get());
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "Plex Connect faults, key, tenant and rate limit";
  }

  private boolean keyMatches(String key) {
    // Constant time, as a real server compares secrets; a sandbox that teaches the wrong habit is worse than none.
    return key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
        config.apiKey().getBytes(StandardCharsets.UTF_8));
  }

  private boolean tenantAllowed(String tenant) {
    return tenant == null || tenant.isBlank() || config.tenantId() == null
        || config.tenantId().equalsIgnoreCase(tenant);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
