package io.millflow.step.http;

import java.net.http.HttpRequest;

/**
 * Watches the HTTP calls connectors make, e.g. to record each as a span of the step attempt that
 * makes it. The runtime provides one through {@link java.util.ServiceLoader}; without one, calls go
 * out unwatched. Connectors do not call it: they build their {@link java.net.http.HttpClient}
 * through {@link ObservedHttpClient#of}.
 *
 * <p>An implementation sees the request line and headers; it must record neither headers, nor query
 * strings, nor bodies.
 */
public interface OutboundHttp {

  /** A request is about to be sent: what to send instead, and whom to tell how it ended. */
  Call starting(HttpRequest request);

  /** One call being made. */
  interface Call {

    /** The request to send: the original, or a copy with headers added (e.g. traceparent). */
    HttpRequest request();

    /** The server answered with this status. */
    void answered(int status);

    /** No answer: the connection failed, timed out or was interrupted. */
    void failed(Throwable failure);
  }
}
