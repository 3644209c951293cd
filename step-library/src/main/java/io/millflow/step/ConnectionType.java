package io.millflow.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a connector's connection: a record whose components are its settings and credentials,
 * annotated like a step's input ({@link Param}, Jakarta Validation, {@link Secret}, {@link
 * Credential}). From that one record come the validation of a saved connection, the API's schema,
 * the UI's connect form, the docs' settings table and the masking of secrets. A step gets it bound
 * with {@link StepContext#connection(String, Class)}; its tester checks it.
 *
 * <pre>{@code
 * @ConnectionType("idhammar")
 * public record IdhammarConnection(
 *     @Param(label = "Instance URL") @NotNull @HttpUrl URI baseUrl,
 *     @Param(label = "API token") @Secret @NotBlank String apiToken) {}
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConnectionType {

  /**
   * The type name a connection is saved with, as in {@link Connection#type()}: {@code plex}, {@code
   * postgres}.
   */
  String value();
}
