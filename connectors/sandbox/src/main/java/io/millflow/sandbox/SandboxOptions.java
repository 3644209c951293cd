package io.millflow.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A standalone sandbox's command line: options {@code --name=value}, each one of those the sandbox
 * knows.
 */
public final class SandboxOptions {

  private SandboxOptions() {}

  /**
   * The options given, by name; an unknown one, or one not written {@code --name=value}, is refused
   * naming them all.
   */
  public static Map<String, String> parse(Set<String> known, String... args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      if (!arg.startsWith("--") || pair.length != 2 || !known.contains(pair[0])) {
        throw new IllegalArgumentException(
            "Unknown option '" + arg + "'. Options (--name=value): " + known);
      }
      options.put(pair[0], pair[1]);
    }
    return options;
  }
}
