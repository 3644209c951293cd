package io.millflow.model;

/**
 * Why a mapper could not map a record, as parts: which record, which field, what is wrong with it.
 * Kept as the cause of the {@code UNMAPPABLE_RECORD} failure, so a transform can reject the record
 * with a reason that does not repeat each record's name. Carries no stack trace: it is a
 * description, not an error of its own.
 */
public final class UnmappableField extends RuntimeException {

  private final String record;
  private final String field;
  private final String problem;

  UnmappableField(String record, String field, String problem) {
    super(record + ": field '" + field + "' " + problem, null, false, false);
    this.record = record;
    this.field = field;
    this.problem = problem;
  }

  /** How errors name the record: {@code purchase order 5b0c...}. */
  public String record() {
    return record;
  }

  /** The reason, without the record's name: {@code field 'id' is missing}. */
  public String reason() {
    return "field '" + field + "' " + problem;
  }
}
