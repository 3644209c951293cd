package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret of a connection (a password, an API key, a private key): kept encrypted with the
 * credentials, never returned by the API, hidden in the record's {@code toString()} and in logs,
 * typed into a password field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Secret {

  /**
   * The sign-in method this secret belongs to, when the system offers several (NetSuite: {@code
   * m2m} or {@code tba}); empty when it offers one. A connection fills every field of exactly one
   * method.
   */
  String signIn() default "";
}
