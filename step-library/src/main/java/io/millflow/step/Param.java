package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Designer metadata of one input field. Required-ness and patterns come from the Jakarta Validation
 * annotations on the same component; enum types become dropdowns on their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {

  String label();

  /** A short hint under the field. */
  String description() default "";

  /** Allowed values of a text field (a dropdown in the designer). */
  String[] choices() default {};

  /** The value the designer pre-fills; empty for none. A connection's field left empty takes it. */
  String defaultValue() default "";

  /**
   * An example value a form shows greyed in the empty field (a connection's {@code
   * https://connect.plex.com}).
   */
  String example() default "";

  /**
   * Marks a source step's incremental cursor (at most one per input, and the input must also have a
   * {@code connection} component). When the flow leaves it empty, the engine fills in the cursor
   * committed by the last completed run of the same flow, task and connection; the step's {@link
   * ReadResult#cursor()} is committed only when the whole run completes, so a failed run re-reads
   * and never leaves a gap.
   */
  boolean cursor() default false;

  /**
   * Marks the upper bound of the cursor's window (exclusive, or as the source defines it), an input
   * of the same type next to the {@link #cursor()} one. Left empty, the step reads up to now; a
   * backfill fills both with its window, so a source without one cannot be backfilled.
   */
  boolean cursorUntil() default false;

  /**
   * Marks a source step's boundary margin (a {@link java.time.Duration} input next to the {@link
   * #cursor()} one; see {@link BoundaryMargin}). When the engine fills in a committed cursor, it
   * starts the read that much earlier, so that records committed late at the boundary are read; the
   * step keeps its returned cursor that much behind now.
   */
  boolean cursorMargin() default false;
}
