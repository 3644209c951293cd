package io.millflow.connector.netsuite.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.sandbox.Faults;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /services/rest/auth/oauth2/v1/token}: the client credentials grant with a JWT client
 * assertion, checked as NetSuite checks it: the certificate id ({@code kid}), the PS256 signature
 * against the uploaded certificate, the client id ({@code iss}), the audience, the scope, and
 * {@code iat}/{@code exp} against the clock. Refusals are OAuth's {@code
 * {"error","error_description"}} (see {@code NetSuiteGuesses} on the descriptions).
 */
final class TokenEndpoint implements HttpHandler {

  static final String PATH = "/services/rest/auth/oauth2/v1/token";
  private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
  private static final Duration LONGEST_ASSERTION = Duration.ofMinutes(60);

  private final NetSuiteSandboxConfig config;
  private final RSAPublicKey certificateKey;
  private final Faults faults;
  private final IssuedTokens tokens;

  TokenEndpoint(
      NetSuiteSandboxConfig config,
      RSAPublicKey certificateKey,
      Faults faults,
      IssuedTokens tokens) {
    this.config = config;
    this.certificateKey = certificateKey;
    this.faults = faults;
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      refuse(exchange, 405, "invalid_request", "Use POST.");
      return;
    }
    Map<String, String> form = form(exchange);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      refuse(exchange, 400, "unsupported_grant_type", "grant_type must be client_credentials.");
    } else if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      refuse(
          exchange,
          400,
          "invalid_request",
          "client_assertion_type must be"
              + " urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
    } else {
      String problem = problem(form.get("client_assertion"), audience(exchange));
      if (problem != null) {
        refuse(
            exchange,
            400,
            problem.startsWith("client id") ? "invalid_client" : "invalid_grant",
            problem);
        return;
      }
      SandboxJson.write(
          exchange,
          200,
          Json.mapper()
              .createObjectNode()
              .put("access_token", tokens.issue(config.tokenLifetime()))
              .put("token_type", "Bearer")
              .put("expires_in", Long.toString(config.tokenLifetime().toSeconds())));
    }
  }

  /** What is wrong with the assertion, in words the tester can tell apart; null when it is good. */
  private String problem(String assertion, String audience) {
    if (faults.credentialsRevoked()) {
      return "The OAuth 2.0 client credentials mapping of this certificate has been revoked.";
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion == null ? "" : assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return "client_assertion is not a signed JWT.";
    }
    if (!JWSAlgorithm.PS256.equals(jwt.getHeader().getAlgorithm())) {
      return "The client assertion must be signed with PS256, not "
          + jwt.getHeader().getAlgorithm()
          + ".";
    }
    if (!config.certificateId().equals(jwt.getHeader().getKeyID())) {
      return "Invalid certificate id: no certificate with kid '"
          + jwt.getHeader().getKeyID()
          + "' is mapped to this integration.";
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(certificateKey))) {
        return "The signature of the client assertion does not verify against the certificate of this kid.";
      }
    } catch (JOSEException e) {
      return "The signature of the client assertion cannot be verified: " + e.getMessage();
    }
    if (!config.clientId().equals(claims.getIssuer())) {
      return "client id (iss) is not the consumer key of an enabled integration record.";
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      return "aud must be the token endpoint URL " + audience + ".";
    }
    Object scope = claims.getClaim("scope");
    if (scope == null || !scope.toString().contains("rest_webservices")) {
      return "scope must include rest_webservices.";
    }
    return timeProblem(claims.getIssueTime(), claims.getExpirationTime());
  }

  private String timeProblem(Date issued, Date expires) {
    Instant now = config.clock().instant();
    if (issued == null || expires == null) {
      return "The client assertion needs iat and exp.";
    }
    if (issued.toInstant().isAfter(now.plus(CLOCK_TOLERANCE))) {
      return "iat "
          + issued.toInstant()
          + " is in the future (server time "
          + now
          + "): check the client's clock.";
    }
    if (!expires.toInstant().isAfter(now.minus(CLOCK_TOLERANCE))) {
      return "The client assertion expired at "
          + expires.toInstant()
          + " (iat "
          + issued.toInstant()
          + ", server time "
          + now
          + "): check the client's clock.";
    }
    if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(LONGEST_ASSERTION)
        > 0) {
      return "exp may be at most 60 minutes after the issue time.";
    }
    return null;
  }

  private static String audience(HttpExchange exchange) {
    return "http://" + exchange.getRequestHeaders().getFirst("Host") + PATH;
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    Map<String, String> form = new HashMap<>();
    try (InputStream in = exchange.getRequestBody()) {
      for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        String[] nameValue = pair.split("=", 2);
        if (nameValue.length == 2) {
          form.put(
              URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
              URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
      }
    }
    return form;
  }

  private static void refuse(HttpExchange exchange, int status, String error, String description)
      throws IOException {
    SandboxJson.write(
        exchange,
        status,
        Json.mapper().createObjectNode().put("error", error).put("error_description", description));
  }
}
