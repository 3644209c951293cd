package io.millflow.engine.api;

import jakarta.ws.rs.BadRequestException;

/** A 400 about one field of the request: the answer names it in {@code field} as well. */
public class FieldRefused extends BadRequestException {

  private final String field;

  public FieldRefused(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
