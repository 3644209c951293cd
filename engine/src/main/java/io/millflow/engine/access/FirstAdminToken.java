package io.millflow.engine.access;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes sure someone can use the API on a new installation: when no token exists, the one
 * configured as {@code millflow.security.admin-token} is stored, or, in embedded mode, a new admin
 * token is created and printed once (to the console, not the log). A cluster is told how to set one
 * instead, as its console may be collected.
 */
@Singleton
public class FirstAdminToken {

  private static final Logger LOG = Logger.getLogger(FirstAdminToken.class);
  static final String NAME = "first-admin";
  static final int SHORTEST = 24;

  private final ApiTokens tokens;
  private final MillflowConfig config;
  private final ProcessEngine engine;

  public FirstAdminToken(ApiTokens tokens, MillflowConfig config, ProcessEngine engine) {
    this.tokens = tokens;
    this.config = config;
    this.engine = engine;
  }

  public void ensure() {
    ensure(System.out);
  }

  void ensure(PrintStream console) {
    Optional<String> configured = config.security().adminToken().filter(token -> !token.isBlank());
    configured.ifPresent(FirstAdminToken::checkStrength);
    if (tokens.anyExist()) {
      return;
    }
    if (configured.isPresent()) {
      tokens.adopt(config.tenant(), NAME, Role.ADMIN, configured.get());
      LOG.info(
          "Stored the configured admin token (millflow.security.admin-token) as the first API token");
    } else if (engine.embedded()) {
      console.println(
          banner(tokens.create(config.tenant(), NAME, Role.ADMIN, null, null).secret()));
    } else {
      LOG.warn(
          "No API token exists, so nobody can use the API. Set millflow.security.admin-token "
              + "(MILLFLOW_SECURITY_ADMIN_TOKEN, at least "
              + SHORTEST
              + " random characters) for the first start.");
    }
  }

  private static void checkStrength(String token) {
    if (token.length() < SHORTEST) {
      throw new IllegalStateException(
          "millflow.security.admin-token is too short to be safe: use at least "
              + SHORTEST
              + " random characters, e.g. mf_$(openssl rand -hex 24)");
    }
  }

  private static String banner(String token) {
    int port =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.port", Integer.class)
            .orElse(8080);
    String rule = "=".repeat(100);
    return String.join(
        System.lineSeparator(),
        "",
        rule,
        " Millflow created the first admin API token. It is shown only this once: keep it somewhere safe.",
        "",
        "     " + token,
        "",
        " Sign in to the designer with it, or call the API with it:",
        "     curl -H 'Authorization: Bearer "
            + token
            + "' http://localhost:"
            + port
            + "/api/flows",
        " Then create a token per person or service (POST /api/tokens) and revoke this one when you no longer need it.",
        rule,
        "");
  }
}
