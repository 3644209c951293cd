package io.millflow.connector.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an {@code http} connection signs its requests in; stored as the names below. */
public enum HttpAuth {
  @JsonProperty("none")
  NONE,
  /** The API key in a header named by {@code apiKeyName}. */
  @JsonProperty("apiKeyHeader")
  API_KEY_HEADER,
  /** The API key in a query parameter named by {@code apiKeyName}. */
  @JsonProperty("apiKeyQuery")
  API_KEY_QUERY,
  @JsonProperty("basic")
  BASIC,
  @JsonProperty("bearer")
  BEARER,
  /** OAuth 2.0 client credentials: a token from {@code tokenUrl}, cached until it expires. */
  @JsonProperty("oauth2")
  OAUTH2
}
