package io.millflow.engine.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an API method needs. On a method it overrides the one on its class; every {@code
 * /api} method must be covered by one (a test checks), so nothing is reachable by accident.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
  Role value();
}
