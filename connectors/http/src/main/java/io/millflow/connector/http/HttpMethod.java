package io.millflow.connector.http;

/** The methods {@code http.request} sends; templates store them lower-case. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE,
  HEAD
}
