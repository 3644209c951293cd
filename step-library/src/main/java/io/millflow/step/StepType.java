package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a step: its Zeebe job type, how the designer shows it, and how long one attempt may run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StepType {

  /** The Zeebe job type, for example {@code postgres.write}. */
  String id();

  /** The name shown in the designer's palette. */
  String name();

  /** The palette group: Sources, Transforms, Databases, ... */
  String group();

  /** One sentence for the template chooser. */
  String description() default "";

  /** Job timeout of one attempt; the worker extends it while the step is still working. */
  int timeoutSeconds() default 300;

  /** Retries of a fresh task, the BPMN default the element template proposes. */
  int retries() default 3;

  /** Element-template version: raise it when a parameter changes meaning. */
  int version() default 1;
}
