package io.millflow.connector.idhammar.sandbox;

import io.millflow.step.sandbox.SandboxProvider;
import io.millflow.step.sandbox.SandboxSettings;

/**
 * Starts the Idhammar OEE sandbox for the runtime on a free port. Setting: {@code
 * idhammar-downtime-events} (events before now; more appear as time passes).
 */
public final class IdhammarSandboxProvider implements SandboxProvider {

  @Override
  public String system() {
    return IdhammarSandbox.TYPE;
  }

  @Override
  public IdhammarSandbox start(SandboxSettings settings) {
    IdhammarSandboxConfig defaults = IdhammarSandboxConfig.defaults();
    return new IdhammarSandbox(
            defaults.withDowntimeEvents(
                settings.intValue("idhammar-downtime-events", defaults.downtimeEvents())))
        .start(0);
  }
}
