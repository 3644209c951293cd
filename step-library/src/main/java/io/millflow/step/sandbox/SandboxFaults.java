package io.millflow.step.sandbox;

import java.time.Duration;

/**
 * The faults every sandbox can inject, in the system's own error shape: failures of the next calls,
 * added latency, an outage, refused credentials. A sandbox may offer more through its own type.
 */
public interface SandboxFaults {

  /** The next {@code times} API calls answer {@code status} (400..599). */
  SandboxFaults failNext(int times, int status);

  /** Every API call waits {@code latency} before it is answered; {@link Duration#ZERO} for none. */
  SandboxFaults latency(Duration latency);

  /** Every API call answers 503 for {@code length} from now. */
  SandboxFaults outage(Duration length);

  /**
   * While revoked, the system refuses the connection's credentials as it would refuse a revoked
   * key.
   */
  SandboxFaults revokeCredentials(boolean revoked);

  /** No faults any more. */
  void clear();
}
