package io.millflow.engine.observe;

import io.millflow.engine.config.MillflowConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * OpenTelemetry for Millflow's traces: off (every span a no-op, no cost) unless {@code
 * millflow.tracing.otlp-endpoint} names an OTLP/HTTP receiver, or a {@link SpanExporter} bean is
 * present (the tests collect spans in memory). Trace context travels as a W3C {@code traceparent}.
 */
@Singleton
public class Tracing {

  private static final Logger LOG = Logger.getLogger(Tracing.class);
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final SdkTracerProvider provider;
  private final Tracer tracer;

  public Tracing(MillflowConfig config, @Any Instance<SpanExporter> exporterBeans) {
    List<SpanExporter> exporters = new ArrayList<>();
    exporterBeans.forEach(exporters::add);
    Optional<String> endpoint = config.tracing().otlpEndpoint();
    endpoint.ifPresent(
        url -> exporters.add(OtlpHttpSpanExporter.builder().setEndpoint(url).build()));
    if (exporters.isEmpty()) {
      this.provider = null;
      this.tracer = OpenTelemetry.noop().getTracer("io.millflow");
      return;
    }
    this.provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(
                                AttributeKey.stringKey("service.name"),
                                config.tracing().serviceName()))))
            .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite(exporters)).build())
            .build();
    this.tracer =
        OpenTelemetrySdk.builder().setTracerProvider(provider).build().getTracer("io.millflow");
    LOG.infof(
        "Tracing on: spans go to %s",
        endpoint.map(url -> "OTLP " + url).orElse("the exporters configured"));
  }

  /** Whether spans are recorded; when not, nothing of tracing costs a database read. */
  public boolean on() {
    return provider != null;
  }

  Tracer tracer() {
    return tracer;
  }

  /**
   * The {@code traceparent} of the current span, to send on with a request or an event; empty when
   * there is none.
   */
  public static Optional<String> traceparent() {
    return traceparent(Context.current());
  }

  static Optional<String> traceparent(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return Optional.empty();
    }
    Map<String, String> carrier = new HashMap<>();
    W3C.inject(context, carrier, Map::put);
    return Optional.ofNullable(carrier.get("traceparent"));
  }

  /**
   * The context a {@code traceparent} (and {@code tracestate}) header names; the root context when
   * none is valid.
   */
  public static Context continued(Map<String, String> headers) {
    return W3C.extract(Context.root(), headers, MAP_GETTER);
  }

  static Context continued(String traceparent) {
    return traceparent == null ? Context.root() : continued(Map.of("traceparent", traceparent));
  }

  /**
   * Makes the context {@code traceparent} names current, with the HTTP calls made in it recorded as
   * its children (an event's delivery, in the trace of the step that emitted it); nothing when
   * tracing is off or there is no {@code traceparent}.
   */
  public Scope httpCallsUnder(String traceparent) {
    if (!on() || traceparent == null) {
      return Scope.noop();
    }
    return HttpSpans.recordingIn(continued(traceparent), tracer).makeCurrent();
  }

  /** Exports what was recorded so far (tests, and a clean stop). */
  public void flush() {
    if (provider != null) {
      provider.forceFlush().join(10, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void close() {
    if (provider != null) {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
