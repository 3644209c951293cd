package io.millflow.step.binding;

/**
 * Why one field of a record could not be bound: its path ({@code batchSize}, {@code records.count})
 * and what is wrong with it, as a sentence fragment ({@code must not be blank}, {@code has a value
 * of the wrong type (...)}).
 */
public record FieldError(String field, String problem) {

  /** {@code field 'batchSize' must not be blank}. */
  public String sentence() {
    return "field '" + field + "' " + problem;
  }

  /** The same error under a prefix naming where the record sits, e.g. {@code settings.}. */
  public FieldError under(String prefix) {
    return new FieldError(prefix + field, problem);
  }
}
