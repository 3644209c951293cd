package io.millflow.engine.events;

import java.util.regex.Pattern;

/**
 * Events flows raise themselves with the {@code webhook.send} step. Their wire type is {@code
 * custom.<name>}; a subscription names the ones it wants, or {@code custom.*} for all of them.
 */
public final class CustomEvents {

  public static final String PREFIX = "custom.";
  public static final String ALL = PREFIX + "*";

  /**
   * Lower-case words joined by dots, dashes or underscores: {@code stock.low}, {@code
   * downtime-long}.
   */
  public static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";

  private static final Pattern WIRE_TYPE = Pattern.compile(Pattern.quote(PREFIX) + NAME);

  private CustomEvents() {}

  public static String wireType(String name) {
    return PREFIX + name;
  }

  /** Whether a subscription may ask for this type: a custom event's, or all of them. */
  public static boolean isSubscribable(String type) {
    return ALL.equals(type) || WIRE_TYPE.matcher(type).matches();
  }
}
