package io.millflow.connector.idhammar.sandbox;

import java.util.SplittableRandom;

/** Seeded randomness by key: the same seed and key always give the same stream, neighbouring keys unrelated ones. */
final class Mix {

  private Mix() {}

  /** SplitMix64's finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  static SplittableRandom random(long seed, long kind, long a, long b) {
    return new SplittableRandom(mix(seed ^ mix(kind * 0x9E37_79B9_7F4A_7C15L ^ mix(a * 31 + b))));
  }
}
