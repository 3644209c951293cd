package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Part of a connection's sign-in that is not secret (a user name, a client id): kept with the
 * credentials, so entering new credentials replaces it together with its {@link Secret}, and shown
 * as typed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Credential {

  /** The sign-in method this credential belongs to, as {@link Secret#signIn()}. */
  String signIn() default "";
}
