package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A purchase-order line's quantities from its releases, the one place that decides them (issue 16):
 * ordered is the sum of the releases' {@code quantity} except those no longer ordered ({@link
 * PlexGuesses#RELEASE_STATUSES_NOT_ORDERED}), or the line's {@code blanketQuantity} when it has
 * none; received is the sum of the received ones ({@link PlexGuesses#RELEASE_STATUSES_RECEIVED});
 * the required date is the earliest {@code dueDate} of the ordered ones.
 */
record ReleaseQuantities(
    int ordered,
    BigDecimal orderedQuantity,
    BigDecimal received,
    Instant firstDue,
    Instant latest) {

  static ReleaseQuantities of(JsonNode releases) {
    int ordered = 0;
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal received = null;
    Instant firstDue = null;
    Instant latest = null;
    for (JsonNode release : releases) {
      latest = later(latest, instant(release.get("modifiedDate")));
      String status = release.path("status").asText("");
      JsonNode amount = release.get("quantity");
      if (PlexGuesses.RELEASE_STATUSES_NOT_ORDERED.contains(status)
          || amount == null
          || !amount.isNumber()) {
        continue;
      }
      ordered++;
      quantity = quantity.add(amount.decimalValue());
      if (PlexGuesses.RELEASE_STATUSES_RECEIVED.contains(status)) {
        received = (received == null ? BigDecimal.ZERO : received).add(amount.decimalValue());
      }
      Instant due = instant(release.get("dueDate"));
      if (due != null && (firstDue == null || due.isBefore(firstDue))) {
        firstDue = due;
      }
    }
    if (ordered > 0 && received == null) {
      received = BigDecimal.ZERO;
    }
    return new ReleaseQuantities(ordered, quantity, received, firstDue, latest);
  }

  /** The ordered quantity; {@code blanketQuantity} (when above 0) for a line without releases. */
  BigDecimal quantity(BigDecimal blanketQuantity) {
    if (ordered > 0) {
      return orderedQuantity;
    }
    return blanketQuantity != null && blanketQuantity.signum() > 0 ? blanketQuantity : null;
  }

  /** The later of {@code modified} and the newest release's modifiedDate. */
  Instant latest(Instant modified) {
    return later(modified, latest);
  }

  /** The latest of the order's modifiedDate and every release of its lines. */
  static Instant latest(Instant orderModified, JsonNode lineItems) {
    Instant latest = orderModified;
    for (JsonNode item : lineItems) {
      for (JsonNode release : item.path("releases")) {
        latest = later(latest, instant(release.get("modifiedDate")));
      }
    }
    return latest;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
  }

  private static Instant instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    try {
      return PlexTimestamps.parseLenient(value.asText());
    } catch (DateTimeParseException e) {
      return null; // a release's own dates never fail the order; its quantity still counts
    }
  }
}
