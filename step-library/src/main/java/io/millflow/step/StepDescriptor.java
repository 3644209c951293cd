package io.millflow.step;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * What the engine needs to know of a step, read once from its class: its annotation and its input
 * and output types.
 */
public record StepDescriptor(
    StepType type, Class<?> inputType, Class<?> outputType, Step<?, ?> step) {

  public String id() {
    return type.id();
  }

  public Duration timeout() {
    return Duration.ofSeconds(type.timeoutSeconds());
  }

  /** Reads the descriptor of a step instance; works through subclasses and container proxies. */
  public static StepDescriptor of(Step<?, ?> step) {
    Class<?> stepClass = declaringClass(step.getClass());
    StepType type = stepClass.getAnnotation(StepType.class);
    ParameterizedType stepInterface = stepInterface(stepClass);
    return new StepDescriptor(
        type,
        rawClass(stepInterface.getActualTypeArguments()[0]),
        rawClass(stepInterface.getActualTypeArguments()[1]),
        step);
  }

  private static Class<?> declaringClass(Class<?> candidate) {
    for (Class<?> c = candidate; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(StepType.class)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        candidate.getName() + " implements Step but has no @StepType annotation");
  }

  /**
   * The {@code Step<Input, Output>} the class implements, itself or through a superclass that names
   * both types (a base class shared by several steps of one kind).
   */
  private static ParameterizedType stepInterface(Class<?> stepClass) {
    for (Class<?> c = stepClass; c != null; c = c.getSuperclass()) {
      for (Type type : c.getGenericInterfaces()) {
        if (type instanceof ParameterizedType parameterized
            && parameterized.getRawType() == Step.class) {
          return parameterized;
        }
      }
    }
    throw new IllegalArgumentException(
        stepClass.getName()
            + " must implement Step<Input, Output>, itself or through a superclass, with both"
            + " types named");
  }

  private static Class<?> rawClass(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      default ->
          throw new IllegalArgumentException("Step types must be concrete classes, not " + type);
    };
  }
}
