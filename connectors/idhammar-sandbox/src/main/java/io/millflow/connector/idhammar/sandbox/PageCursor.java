package io.millflow.connector.idhammar.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of a list: where the next page starts, as a kind and two values,
 * Base64url-encoded. A downtime cursor holds the last row's {@code (updatedAt, id)}; a period
 * cursor the next row's period start and machine.
 */
record PageCursor(String kind, long time, String key) {

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + "|" + time + "|" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor of a {@code kind} list, or null when {@code text} is null. */
  static PageCursor decode(String text, String kind) {
    if (text == null) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
      if (parts.length == 3 && parts[0].equals(kind)) {
        return new PageCursor(kind, Long.parseLong(parts[1]), parts[2]);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new BadRequest(
        "invalid_cursor",
        "Parameter 'cursor' is not a cursor of this list: pass the 'next' value of"
            + " the previous page unchanged, with the same filters.");
  }
}
