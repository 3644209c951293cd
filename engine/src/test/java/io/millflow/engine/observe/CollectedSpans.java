package io.millflow.engine.observe;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The spans the runtime exported, in memory; a bean only where a test profile enables it (which
 * turns tracing on).
 */
@Alternative
@Singleton
public class CollectedSpans implements SpanExporter {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  List<SpanData> all() {
    return spans.getFinishedSpanItems();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> batch) {
    return spans.export(batch);
  }

  @Override
  public CompletableResultCode flush() {
    return spans.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
