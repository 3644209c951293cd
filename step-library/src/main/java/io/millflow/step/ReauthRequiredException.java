package io.millflow.step;

/**
 * The system rejected the connection's credentials and they cannot be renewed: no retry helps. The
 * job fails without retries (an incident) and the connection is marked {@code reauth_required}.
 */
public final class ReauthRequiredException extends StepException {

  private final String connection;

  public ReauthRequiredException(String connection, String message, Throwable cause) {
    super(message, cause);
    this.connection = connection;
  }

  public ReauthRequiredException(String connection, String message) {
    this(connection, message, null);
  }

  /** The name of the connection to fix. */
  public String connection() {
    return connection;
  }
}
