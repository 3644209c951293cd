package io.millflow.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One delivery of a {@link PurchaseOrderLine}'s schedule: a quantity due at a date, with its state
 * in the source. Plex: one per release of the line ({@code GET /purchasing/v2-beta1/releases}: id →
 * key, releaseLineNumber → releaseNumber, dueDate, quantity, status).
 */
public record PurchaseOrderDelivery(
    String key, Integer releaseNumber, Instant dueDate, BigDecimal quantity, String status) {}
