package io.millflow.connector.idhammar.sandbox;

import java.util.SplittableRandom;

/**
 * Seeded randomness by key (the same seed and key always give the same stream, neighbouring keys
 * unrelated ones), and the zero-padded ids made from indexes.
 */
final class Mix {

  private Mix() {}

  /** SplitMix64's finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /**
   * {@code padded("DT-", 42, 9)} is {@code DT-000000042}; faster than a format string, which a
   * million rows feel.
   */
  static String padded(String prefix, long value, int width) {
    String digits = Long.toString(value);
    StringBuilder id =
        new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  static SplittableRandom random(long seed, long kind, long a, long b) {
    return new SplittableRandom(mix(seed ^ mix(kind * 0x9E37_79B9_7F4A_7C15L ^ mix(a * 31 + b))));
  }
}
