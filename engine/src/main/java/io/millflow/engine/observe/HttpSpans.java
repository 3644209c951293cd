package io.millflow.engine.observe;

import io.millflow.step.http.OutboundHttp;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The connectors' HTTP calls as {@code HTTP <method>} client spans, children of the step attempt
 * that makes them, with the {@code traceparent} sent on. Found through {@link
 * java.util.ServiceLoader}, so it cannot be handed the runtime's tracer: an observed attempt puts
 * its tracer into the context it runs in ({@link #recordingIn}); a call outside one, or with
 * tracing off, is sent untouched. A span holds the method, host, port, path and status: never a
 * header, a query string or a body.
 */
public final class HttpSpans implements OutboundHttp {

  private static final ContextKey<Tracer> TRACER = ContextKey.named("millflow.http-spans");

  /** {@code context}, in which HTTP calls are recorded by {@code tracer}. */
  static Context recordingIn(Context context, Tracer tracer) {
    return context.with(TRACER, tracer);
  }

  @Override
  public Call starting(HttpRequest request) {
    Context context = Context.current();
    Tracer tracer = context.get(TRACER);
    if (tracer == null) {
      return new Unrecorded(request);
    }
    URI uri = request.uri();
    Span span =
        tracer
            .spanBuilder("HTTP " + request.method())
            .setParent(context)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", request.method())
            .setAttribute("server.address", String.valueOf(uri.getHost()))
            .setAttribute("server.port", (long) port(uri))
            .setAttribute("url.path", uri.getRawPath() == null ? "" : uri.getRawPath())
            .startSpan();
    return new Recorded(withTraceparent(request, context.with(span)), span);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static HttpRequest withTraceparent(HttpRequest request, Context context) {
    if (request.headers().firstValue("traceparent").isPresent()) {
      return request; // the sender names its own (an event carries its run's)
    }
    return Tracing.traceparent(context)
        .map(
            traceparent ->
                HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("traceparent", traceparent)
                    .build())
        .orElse(request);
  }

  private record Unrecorded(HttpRequest request) implements Call {
    @Override
    public void answered(int status) {}

    @Override
    public void failed(Throwable failure) {}
  }

  private record Recorded(HttpRequest request, Span span) implements Call {
    @Override
    public void answered(int status) {
      span.setAttribute("http.response.status_code", (long) status);
      if (status >= 400) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute("error.type", Integer.toString(status));
      }
      span.end();
    }

    @Override
    public void failed(Throwable failure) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute("error.type", failure.getClass().getName());
      span.end();
    }
  }
}
