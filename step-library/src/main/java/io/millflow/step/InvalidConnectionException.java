package io.millflow.step;

import io.millflow.step.binding.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A connection's settings or credentials do not make its typed record. The message names every
 * field, as {@code settings.<name>} or {@code credentials.<name>}, the way the API's request groups
 * them; it never holds a secret's value.
 */
public final class InvalidConnectionException extends RuntimeException {

  private final transient List<FieldError> errors;
  private final ConnectionKind.Cause cause;

  InvalidConnectionException(
      String connection, List<FieldError> errors, ConnectionKind.Cause cause) {
    super(
        "Connection '"
            + connection
            + "': "
            + errors.stream().map(FieldError::sentence).collect(Collectors.joining("; "))
            + ".");
    this.errors = List.copyOf(errors);
    this.cause = cause;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Nothing is wrong but that credentials are missing: the user must enter them. */
  public boolean onlyCredentialsMissing() {
    return cause == ConnectionKind.Cause.MISSING_CREDENTIALS;
  }

  /** Nothing is wrong but that values are missing (no value is malformed). */
  public boolean onlyMissing() {
    return cause != ConnectionKind.Cause.WRONG_VALUE;
  }
}
