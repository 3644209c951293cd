package io.millflow.engine.events;

import java.util.UUID;

/**
 * A subscription as delivery needs it: where to POST, the secret in clear that signs, and how many
 * deliveries in a row have failed (more than none: the subscription is probed with one event at a
 * time until one goes through).
 */
record DeliveryTarget(
    UUID id, String tenantId, String url, String secret, int consecutiveFailures) {

  boolean failing() {
    return consecutiveFailures > 0;
  }

  @Override
  public String toString() {
    return "DeliveryTarget[" + id + ", " + url + "]"; // never the secret
  }
}
