package io.millflow.connector.http;

import io.millflow.step.ReauthRequiredException;
import java.net.URI;

/** The sign-in an {@code http} connection asks for, each with the credentials it needs. */
sealed interface Authentication {

  record None() implements Authentication {}

  record ApiKeyHeader(String name, String key) implements Authentication {}

  record ApiKeyQuery(String name, String key) implements Authentication {}

  record Basic(String username, String password) implements Authentication {
    String header() {
      byte[] pair = (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return "Basic " + java.util.Base64.getEncoder().encodeToString(pair);
    }
  }

  record Bearer(String token) implements Authentication {}

  record OAuth2ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope)
      implements Authentication {}

  /**
   * The connection's sign-in; a missing credential needs a person ({@link
   * ReauthRequiredException}).
   */
  static Authentication of(String connectionName, HttpConnection connection) {
    Required required = new Required(connectionName, connection.auth());
    return switch (connection.auth()) {
      case NONE -> new None();
      case API_KEY_HEADER ->
          new ApiKeyHeader(
              required.value("apiKeyName", connection.apiKeyName()),
              required.value("apiKey", connection.apiKey()));
      case API_KEY_QUERY ->
          new ApiKeyQuery(
              required.value("apiKeyName", connection.apiKeyName()),
              required.value("apiKey", connection.apiKey()));
      case BASIC ->
          new Basic(
              required.value("username", connection.username()),
              required.value("password", connection.password()));
      case BEARER -> new Bearer(required.value("bearerToken", connection.bearerToken()));
      case OAUTH2 -> {
        if (connection.tokenUrl() == null) {
          required.value("tokenUrl", null);
        }
        yield new OAuth2ClientCredentials(
            connection.tokenUrl(),
            required.value("clientId", connection.clientId()),
            required.value("clientSecret", connection.clientSecret()),
            connection.scope());
      }
    };
  }

  /** Names the field a sign-in method cannot do without. */
  record Required(String connectionName, HttpAuth auth) {
    String value(String field, String value) {
      if (value == null || value.isBlank()) {
        throw new ReauthRequiredException(
            connectionName,
            "Connection '"
                + connectionName
                + "' signs in with "
                + auth.name().toLowerCase(java.util.Locale.ROOT)
                + " but has no "
                + field
                + ": enter it in the connection's settings.");
      }
      return value;
    }
  }
}
