package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asynchronous requests ({@code Prefer: respond-async}): each is a job of one task, run when
 * submitted and reported completed {@code delay} later (pending until then). An idempotency key
 * names at most one job: a request repeating a key gets the earlier job back and is never run
 * again.
 */
final class AsyncJobs {

  /**
   * What a task's request answered: the status it would have had synchronously, and the record it
   * wrote or NetSuite's error body.
   */
  record Answer(int status, ObjectNode result) {

    boolean succeeded() {
      return status / 100 == 2;
    }
  }

  record Job(String id, Instant start, Instant end, Answer answer) {}

  /** A submission: its job, and whether an earlier request with the same key made it. */
  record Submission(Job job, boolean repeated) {}

  private final Clock clock;
  private final Duration delay;
  private final Map<String, Job> jobs = new HashMap<>();
  private final Map<String, String> jobIdsByKey = new HashMap<>();
  private long nextId = 1;
  private long runs;

  AsyncJobs(Clock clock, Duration delay) {
    this.clock = clock;
    this.delay = delay;
  }

  /** Runs {@code request} as a new job, unless {@code idempotencyKey} already names one. */
  synchronized Submission submit(String idempotencyKey, Supplier<Answer> request) {
    if (idempotencyKey != null && jobIdsByKey.containsKey(idempotencyKey)) {
      return new Submission(jobs.get(jobIdsByKey.get(idempotencyKey)), true);
    }
    Instant start = clock.instant();
    runs++;
    Job job = new Job(Long.toString(nextId++), start, start.plus(delay), request.get());
    jobs.put(job.id(), job);
    if (idempotencyKey != null) {
      jobIdsByKey.put(idempotencyKey, job.id());
    }
    return new Submission(job, false);
  }

  synchronized Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  boolean completed(Job job) {
    return !clock.instant().isBefore(job.end());
  }

  /** Requests run as jobs so far (repeats of a key not counted). */
  synchronized long runs() {
    return runs;
  }
}
