package io.millflow.step.binding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Values that do not make a valid record. {@link #wrongType()} tells a value Jackson could not read
 * as the field's type (then {@link #errors()} holds that one field) from values that were read but
 * break a Jakarta constraint.
 */
public final class InvalidRecordException extends RuntimeException {

  private final transient List<FieldError> errors;
  private final boolean wrongType;

  InvalidRecordException(List<FieldError> errors, boolean wrongType, Throwable cause) {
    super(errors.stream().map(FieldError::sentence).collect(Collectors.joining("; ")), cause);
    this.errors = List.copyOf(errors);
    this.wrongType = wrongType;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public boolean wrongType() {
    return wrongType;
  }
}
