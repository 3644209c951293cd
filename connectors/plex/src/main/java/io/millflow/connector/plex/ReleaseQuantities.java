package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.model.PurchaseOrderDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A purchase-order line's quantities from its releases, the one place that decides them (issue 16):
 * ordered is the sum of the releases' {@code quantity} except those no longer ordered ({@link
 * PlexGuesses#RELEASE_STATUSES_NOT_ORDERED}), or the line's {@code blanketQuantity} when it has
 * none; received is the sum of the received ones ({@link PlexGuesses#RELEASE_STATUSES_RECEIVED});
 * the required date is the earliest {@code dueDate} of the ordered ones; the delivery schedule is
 * the ordered ones (id, releaseLineNumber, dueDate, quantity, status), by due date then release
 * number, so its quantities sum to the ordered quantity. A line without releases has no schedule.
 */
record ReleaseQuantities(
    BigDecimal orderedQuantity,
    BigDecimal received,
    Instant latest,
    List<PurchaseOrderDelivery> schedule) {

  private static final Comparator<PurchaseOrderDelivery> BY_DUE_DATE =
      Comparator.comparing(
              PurchaseOrderDelivery::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              PurchaseOrderDelivery::releaseNumber,
              Comparator.nullsLast(Comparator.naturalOrder()));

  static ReleaseQuantities of(JsonNode releases) {
    List<PurchaseOrderDelivery> schedule = new ArrayList<>();
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal received = null;
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
      quantity = quantity.add(amount.decimalValue());
      if (PlexGuesses.RELEASE_STATUSES_RECEIVED.contains(status)) {
        received = (received == null ? BigDecimal.ZERO : received).add(amount.decimalValue());
      }
      schedule.add(delivery(release, amount.decimalValue(), status));
    }
    if (!schedule.isEmpty() && received == null) {
      received = BigDecimal.ZERO;
    }
    schedule.sort(BY_DUE_DATE);
    return new ReleaseQuantities(quantity, received, latest, List.copyOf(schedule));
  }

  /** The earliest due date of the ordered releases, or null. */
  Instant firstDue() {
    return schedule.isEmpty() ? null : schedule.getFirst().dueDate();
  }

  private static PurchaseOrderDelivery delivery(
      JsonNode release, BigDecimal quantity, String status) {
    JsonNode number = release.get("releaseLineNumber");
    return new PurchaseOrderDelivery(
        release.path("id").asText(null),
        number != null && number.canConvertToInt() && number.isIntegralNumber()
            ? number.intValue()
            : null,
        instant(release.get("dueDate")),
        quantity,
        status.isEmpty() ? null : status);
  }

  /** The ordered quantity; {@code blanketQuantity} (when above 0) for a line without releases. */
  BigDecimal quantity(BigDecimal blanketQuantity) {
    if (!schedule.isEmpty()) {
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
