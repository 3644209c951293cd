package io.millflow.connector.idhammar.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.sandbox.ErrorShape;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.RateLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * After the kit's faults, every API call passes: the method (GET), the bearer token, then the
 * token's rate limit.
 */
final class TokenGate extends Filter {

  private final String token;
  private final Faults faults;
  private final ErrorShape errors;
  private final RateLimits rateLimits;

  TokenGate(String token, Faults faults, ErrorShape errors, int perMinute) {
    this.token = token;
    this.faults = faults;
    this.errors = errors;
    this.rateLimits = new RateLimits(perMinute);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    ErrorBody.requestId(exchange);
    if (!exchange.getRequestMethod().equals("GET")) {
      errors.write(
          exchange,
          405,
          null,
          "Only GET is supported on " + exchange.getRequestURI().getPath() + ".",
          null);
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    if (presented == null || !matches(presented)) {
      errors.write(
          exchange,
          401,
          "unauthorized",
          "Missing or invalid API token: send 'Authorization: Bearer <api"
              + " token>' with a token from Settings > API tokens.",
          null);
      return;
    }
    if (faults.credentialsRevoked()) {
      errors.write(
          exchange,
          401,
          "token_revoked",
          "This API token has been revoked: create a new one in Settings >" + " API tokens.",
          null);
      return;
    }
    Optional<Duration> wait = rateLimits.acquire(presented);
    if (wait.isPresent()) {
      errors.write(
          exchange, 429, "rate_limited", "Too many requests for this API token.", wait.get());
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "Idhammar method, bearer token and rate limit";
  }

  private boolean matches(String presented) {
    // Constant time, as a real server compares secrets.
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
