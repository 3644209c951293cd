package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Designer metadata of one input field. Required-ness and patterns come from the Jakarta Validation annotations on the
 * same component; enum types become dropdowns on their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {

  String label();

  /** A short hint under the field. */
  String description() default "";

  /** Allowed values of a text field (a dropdown in the designer). */
  String[] choices() default {};

  /** The value the designer pre-fills; empty for none. */
  String defaultValue() default "";
}
