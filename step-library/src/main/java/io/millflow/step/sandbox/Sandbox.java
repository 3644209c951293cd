package io.millflow.step.sandbox;

import io.millflow.step.Connection;
import java.util.List;

/**
 * A running local twin of a system: an HTTP server in the system's shapes, with faults to inject,
 * and the connections that point a connector at it. Closing it stops the server.
 */
public interface Sandbox extends AutoCloseable {

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  String baseUrl();

  /**
   * What the next API calls do wrong on purpose; also settable over HTTP at {@code
   * <baseUrl>/_sandbox/faults}.
   */
  SandboxFaults faults();

  /** API calls received so far, rejected ones included (not calls to {@code /_sandbox}). */
  long apiCalls();

  /**
   * The connections to this sandbox, named {@code <system>-sandbox} ({@code plex-sandbox}), with
   * the type, settings and credentials a connector needs; nothing else differs from a connection to
   * the real system.
   */
  List<Connection> connections();

  /**
   * One line for the runtime's start-up log: what is served where, e.g. {@code Plex sandbox:
   * http://... (200 ...)}.
   */
  String summary();

  @Override
  void close();
}
