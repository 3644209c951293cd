package io.millflow.step.sandbox;

/**
 * Starts one system's sandbox. Found with {@link java.util.ServiceLoader}: a sandbox module lists
 * its provider in {@code META-INF/services/io.millflow.step.sandbox.SandboxProvider}.
 */
public interface SandboxProvider {

  /**
   * The system, as the connection type its sandbox speaks: {@code plex}, {@code netsuite}, {@code
   * idhammar}.
   */
  String system();

  /**
   * Generates the sandbox's data and serves it on the loopback interface.
   *
   * @param settings the runtime's {@code millflow.sandbox.*} values; a key that is not set takes
   *     the sandbox's default
   */
  Sandbox start(SandboxSettings settings);
}
