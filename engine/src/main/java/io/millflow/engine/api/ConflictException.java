package io.millflow.engine.api;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * 409: the request is well formed, but what it names cannot be changed this way; the message says
 * what can.
 */
final class ConflictException extends ClientErrorException {

  ConflictException(String message) {
    super(message, Response.Status.CONFLICT);
  }
}
