package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.idhammar.sandbox.DowntimeTimeline.Event;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig.WebhookConfig;
import io.millflow.step.Json;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes downtime events to the configured webhook: {@code downtime.started} when an event begins
 * and {@code downtime.ended} when it closes, each POSTed as {@code
 * {"eventId":"DT-000000042.started","type":"downtime.started","occurredAt":"...","data":{...the
 * event...}}} with {@link WebhookSignature#HEADER} and {@link WebhookSignature#EVENT_ID_HEADER}. A
 * delivery answered with anything but 2xx (or not answered) is retried with doubling waits;
 * deliveries run one at a time, so a retry can land after a later event: receivers de-duplicate and
 * order by the event id and {@code occurredAt}.
 */
final class DowntimeWebhook implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DowntimeWebhook.class.getName());

  private record Delivery(String eventId, String type, long occurredAt, ObjectNode event) {}

  private final WebhookConfig config;
  private final DowntimeTimeline timeline;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "idhammar-sandbox-webhook");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private long checkedUpTo;

  DowntimeWebhook(WebhookConfig config, DowntimeTimeline timeline, Clock clock) {
    this.config = config;
    this.timeline = timeline;
    this.clock = clock;
    this.checkedUpTo = clock.instant().getEpochSecond();
  }

  void start() {
    long every = config.interval().toMillis();
    executor.scheduleWithFixedDelay(this::pushDue, every, every, TimeUnit.MILLISECONDS);
  }

  WebhookConfig target() {
    return config;
  }

  /** Deliveries answered with 2xx. */
  long delivered() {
    return delivered.get();
  }

  /** Delivery attempts that failed (and were retried, or dropped after the last attempt). */
  long failedAttempts() {
    return failedAttempts.get();
  }

  /** Pushes the start of an event created by hand, at once. */
  void pushStarted(Event event) {
    executor.execute(() -> deliver(started(event), 1));
  }

  /**
   * Finds the events that started or ended since the last look and pushes them in the order they
   * happened.
   */
  synchronized void pushDue() {
    long now = clock.instant().getEpochSecond();
    long from = checkedUpTo;
    if (now <= from) {
      return;
    }
    List<Delivery> due = new ArrayList<>();
    timeline.forEachStartingIn(
        from - timeline.maxDuration() - 1,
        now,
        index -> {
          Event event = timeline.event(index);
          if (event.start() > from) {
            due.add(started(event));
          }
          if (event.end() > from && event.end() <= now) {
            due.add(ended(event));
          }
        });
    timeline.created().stream()
        .filter(event -> event.end() > from && event.end() <= now)
        .forEach(event -> due.add(ended(event)));
    due.sort(Comparator.comparingLong(Delivery::occurredAt).thenComparing(Delivery::eventId));
    checkedUpTo = now;
    due.forEach(delivery -> executor.execute(() -> deliver(delivery, 1)));
  }

  private static Delivery started(Event event) {
    return new Delivery(
        event.id() + ".started",
        "downtime.started",
        event.start(),
        DowntimeEventsResource.json(event, event.start()));
  }

  private static Delivery ended(Event event) {
    return new Delivery(
        event.id() + ".ended",
        "downtime.ended",
        event.end(),
        DowntimeEventsResource.json(event, event.end()));
  }

  private void deliver(Delivery delivery, int attempt) {
    ObjectNode payload =
        Json.mapper()
            .createObjectNode()
            .put("eventId", delivery.eventId())
            .put("type", delivery.type())
            .put("occurredAt", DowntimeEventsResource.time(delivery.occurredAt()));
    payload.set("data", delivery.event());
    String failure;
    try {
      byte[] body = Json.mapper().writeValueAsBytes(payload);
      // signed with the wall clock, whatever the sandbox's clock says: the receiver checks it
      // against its own
      String signature =
          WebhookSignature.sign(config.secret(), System.currentTimeMillis() / 1_000, body);
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(config.url())
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header(WebhookSignature.HEADER, signature)
                  .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        delivered.incrementAndGet();
        return;
      }
      failure = "answered " + response.statusCode();
    } catch (IOException e) {
      failure = "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    failedAttempts.incrementAndGet();
    if (attempt >= config.maxAttempts()) {
      LOG.log(
          Level.WARNING,
          "Webhook "
              + config.url()
              + " "
              + failure
              + " for "
              + delivery.eventId()
              + " on attempt "
              + attempt
              + " of "
              + config.maxAttempts()
              + ": dropped");
      return;
    }
    long wait = config.firstBackoff().toMillis() << Math.min(attempt - 1, 20);
    executor.schedule(() -> deliver(delivery, attempt + 1), wait, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.shutdownNow();
  }
}
