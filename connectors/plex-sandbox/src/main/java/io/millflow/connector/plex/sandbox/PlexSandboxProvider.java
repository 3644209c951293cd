package io.millflow.connector.plex.sandbox;

import io.millflow.step.sandbox.SandboxProvider;
import io.millflow.step.sandbox.SandboxSettings;
import java.util.UUID;

/**
 * Starts the Plex sandbox for the runtime. Settings: {@code plex-port} (0, a free one), {@code
 * plex-purchase-orders}, {@code plex-lines-per-order}, {@code plex-rate-limit-per-minute} (0 turns
 * the limit off) and {@code plex-api-key} (a new random key each start when not set).
 */
public final class PlexSandboxProvider implements SandboxProvider {

  @Override
  public String system() {
    return "plex";
  }

  @Override
  public PlexSandbox start(SandboxSettings settings) {
    PlexSandboxConfig defaults = PlexSandboxConfig.defaults();
    PlexSandboxConfig config =
        defaults
            .withApiKey(
                settings.value("plex-api-key").orElseGet(() -> UUID.randomUUID().toString()))
            .withPurchaseOrders(
                settings.intValue("plex-purchase-orders", defaults.purchaseOrders()))
            .withLinesPerOrder(settings.intValue("plex-lines-per-order", defaults.linesPerOrder()))
            .withRateLimitPerMinute(
                settings.intValue("plex-rate-limit-per-minute", defaults.rateLimitPerMinute()));
    return new PlexSandbox(config).start(settings.intValue("plex-port", 0));
  }
}
