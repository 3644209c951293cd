package io.millflow.step;

import io.millflow.step.binding.HttpUrlValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An absolute {@code http} or {@code https} URL with a host; null passes (combine with
 * {@code @NotNull}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = HttpUrlValidator.class)
public @interface HttpUrl {

  String message() default "must be an http(s) URL with a host, such as https://example.com";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
