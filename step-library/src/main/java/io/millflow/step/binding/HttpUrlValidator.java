package io.millflow.step.binding;

import io.millflow.step.HttpUrl;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;

/** Checks {@link HttpUrl}. */
public final class HttpUrlValidator implements ConstraintValidator<HttpUrl, URI> {

  @Override
  public boolean isValid(URI value, ConstraintValidatorContext context) {
    return value == null
        || ("https".equalsIgnoreCase(value.getScheme())
                || "http".equalsIgnoreCase(value.getScheme()))
            && value.getHost() != null;
  }
}
