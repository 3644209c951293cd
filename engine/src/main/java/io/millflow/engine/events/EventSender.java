package io.millflow.engine.events;

import io.millflow.engine.net.OutboundAddresses;
import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.observe.Tracing;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.step.http.ObservedHttpClient;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs events to a subscriber, signed with the timestamped scheme ({@code X-Millflow-Signature:
 * t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}), 10 s per attempt. Connections are kept alive and
 * reused between deliveries. Sending never throws: every event gets its own {@link Attempt},
 * whatever happens to the others.
 */
final class EventSender {

  static final String SIGNATURE_HEADER = "X-Millflow-Signature";
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
  private static final SignatureScheme SCHEME =
      new SignatureScheme.Timestamped(SIGNATURE_HEADER, 300);

  /**
   * Plain http goes to loopback only, as HTTP/1.1 (no h2c upgrade offered on every new connection).
   */
  private final HttpClient plain =
      ObservedHttpClient.of(
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(ATTEMPT_TIMEOUT)
              .build());

  /** https: HTTP/2 when the subscriber offers it, so concurrent deliveries share one connection. */
  private final HttpClient tls =
      ObservedHttpClient.of(HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build());

  private final OutboundAddresses addresses;
  private final MillflowMetrics metrics;
  private final Tracing tracing;

  EventSender(OutboundAddresses addresses, MillflowMetrics metrics, Tracing tracing) {
    this.addresses = addresses;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /**
   * Sends the events at once, and answers when each has an outcome (10 s at most, the attempt
   * timeout). A subscriber at one of Millflow's own ports is refused again here, however it was
   * stored.
   */
  List<Attempt> sendAll(DeliveryTarget target, List<DueEvent> events) {
    var refused = addresses.refusal("url", target.url());
    if (refused.isPresent()) {
      return events.stream()
          .map(event -> Attempt.failed(event, new IllegalArgumentException(refused.get()), 0))
          .toList();
    }
    List<CompletableFuture<Attempt>> sent =
        events.stream().map(event -> send(target, event)).toList();
    List<Attempt> attempts = sent.stream().map(CompletableFuture::join).toList();
    attempts.forEach(
        attempt -> metrics.deliveryAttempted(attempt.delivered() ? "delivered" : "failed"));
    return attempts;
  }

  private CompletableFuture<Attempt> send(DeliveryTarget target, DueEvent event) {
    long started = System.nanoTime();
    try {
      URI uri = URI.create(target.url());
      byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(ATTEMPT_TIMEOUT)
              .header("Content-Type", "application/json")
              .header("X-Millflow-Event-Id", event.id().toString())
              .header("X-Millflow-Event-Type", event.type())
              .header(
                  SIGNATURE_HEADER,
                  SignatureVerifier.sign(SCHEME, target.secret(), body, Instant.now()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (event.traceparent() != null && !tracing.on()) {
        request.header("traceparent", event.traceparent()); // the trace of the run that emitted it
      }
      // Traced here: the delivery is an HTTP span under the emitting step's, and sends its own.
      try (Scope ignored = tracing.httpCallsUnder(event.traceparent())) {
        return client(uri)
            .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
            .handle(
                (response, failure) ->
                    failure == null
                        ? Attempt.answered(event, response.statusCode(), millisSince(started))
                        : Attempt.failed(event, unwrapped(failure), millisSince(started)));
      }
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Attempt.failed(event, e, millisSince(started)));
    }
  }

  private HttpClient client(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) ? tls : plain;
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
