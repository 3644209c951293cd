package io.millflow.step;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named configuration of one external system: its type ({@code plex}, {@code postgres}, ...),
 * plain settings (base URL, options) and credentials. Credentials never appear in {@link
 * #toString()}.
 */
public record Connection(
    String name, String type, Map<String, String> settings, Map<String, String> credentials) {

  public Connection {
    settings = Map.copyOf(settings);
    credentials = Map.copyOf(credentials);
  }

  /** A setting the step cannot work without. */
  public String setting(String key) {
    return optionalSetting(key)
        .orElseThrow(
            () ->
                new StepFailure(
                    "CONNECTION_INCOMPLETE",
                    "Connection '"
                        + name
                        + "' has no setting '"
                        + key
                        + "': add it to the connection's configuration."));
  }

  public Optional<String> optionalSetting(String key) {
    return Optional.ofNullable(settings.get(key)).filter(value -> !value.isBlank());
  }

  /** A credential the step cannot work without. */
  public String credential(String key) {
    return optionalCredential(key)
        .orElseThrow(
            () ->
                new ReauthRequiredException(
                    name,
                    "Connection '"
                        + name
                        + "' has no credential '"
                        + key
                        + "': enter it in the connection's settings."));
  }

  public Optional<String> optionalCredential(String key) {
    return Optional.ofNullable(credentials.get(key)).filter(value -> !value.isBlank());
  }

  @Override
  public String toString() {
    return "Connection[name="
        + name
        + ", type="
        + type
        + ", settings="
        + new TreeMap<>(settings)
        + ", credentials="
        + new TreeMap<>(credentials).keySet()
        + " (values hidden)]";
  }
}
