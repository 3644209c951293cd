package io.millflow.connector.plex.sandbox;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Randomness and ids derived from the seed, a kind of record and an index, without state: the same
 * seed gives the same records, ids included, and an id leads back to its index without a map.
 */
final class Seeds {

  /** Kinds of generated things; each has its own random streams and ids. */
  static final long ORDER = 1,
      LINE = 2,
      SUPPLIER = 3,
      PART = 4,
      ITEM = 5,
      CONTAINER = 6,
      JOB = 7,
      EQUIPMENT = 8,
      WORKCENTER = 9,
      LOCATION = 10,
      MODIFIED = 11,
      RELEASE = 12;

  private final long seed;

  Seeds(long seed) {
    this.seed = seed;
  }

  SplittableRandom random(long kind, long index, long sub) {
    return new SplittableRandom(
        mix(seed ^ mix(kind * 0x9E37_79B9_7F4A_7C15L ^ mix(index * 1_000 + sub))));
  }

  /**
   * A version-4 UUID whose last 32 bits are the index, masked by the seed, so that ids do not look
   * numbered yet lead back to their index.
   */
  UUID uuid(long kind, int index, int sub) {
    SplittableRandom random = random(kind + 100, index, sub);
    long msb = random.nextLong() & ~0xF000L | 0x4000L; // version 4
    long lsb =
        0x8000_0000_0000_0000L
            | (random.nextLong() & 0x3FFF_FFFF_0000_0000L)
            | ((index ^ indexMask(kind)) & 0xFFFF_FFFFL);
    return new UUID(msb, lsb);
  }

  /** The index of the thing of this kind with this id, or -1 when none of {@code count} has it. */
  int indexOf(long kind, String id, int count) {
    return indexOf(kind, id, count, 0);
  }

  /** The index of the thing of this kind and {@code sub} with this id, or -1. */
  int indexOf(long kind, String id, int count, int sub) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    long index = (uuid.getLeastSignificantBits() ^ indexMask(kind)) & 0xFFFF_FFFFL;
    return index < count && uuid(kind, (int) index, sub).equals(uuid) ? (int) index : -1;
  }

  static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private long indexMask(long kind) {
    return mix(seed + kind) & 0xFFFF_FFFFL;
  }

  /** SplitMix64's finalizer: neighbouring indexes get unrelated random streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
