package io.millflow.step.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * The settings a sandbox starts with: the runtime's {@code millflow.sandbox.<key>} values, keys in
 * kebab case ({@code plex-purchase-orders}), each sandbox reading its own.
 */
@FunctionalInterface
public interface SandboxSettings {

  /** The value of {@code key}, empty when it is not set. */
  Optional<String> value(String key);

  /**
   * The whole number at {@code key}, or {@code otherwise} when it is not set.
   *
   * @throws IllegalArgumentException naming the setting when the value is not a whole number
   */
  default int intValue(String key, int otherwise) {
    Optional<String> text = value(key).map(String::strip).filter(value -> !value.isEmpty());
    try {
      return text.map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "millflow.sandbox." + key + " must be a whole number, not '" + text.get() + "'", e);
    }
  }

  /** Settings from a map, as tests and standalone starts give them. */
  static SandboxSettings of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  /** No settings: every sandbox starts with its defaults. */
  static SandboxSettings defaults() {
    return key -> Optional.empty();
  }
}
