package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /services/rest/async/v1/job/{id}[/task[/{taskId}[/result]]]}: a job's status, its
 * tasks (one per job here), a task's status and its result, in the shapes of Oracle's examples (the
 * task list's shape and a failed task's progress are guesses, see {@link NetSuiteGuesses}).
 */
final class AsyncJobHandler implements HttpHandler {

  static final String PATH = RecordWrites.ASYNC_JOBS;
  private static final String TASK_ID = "1";

  private final AsyncJobs jobs;

  AsyncJobHandler(AsyncJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
    Optional<AsyncJobs.Job> found = jobs.job(parts[0]);
    boolean taskOk = parts.length < 3 || parts[2].equals(TASK_ID);
    if (!exchange.getRequestMethod().equals("GET") || found.isEmpty() || !taskOk) {
      NetSuiteErrorShape.INSTANCE.write(
          exchange, 404, "NONEXISTENT_ID", "No async job or task at this address.", null);
      return;
    }
    AsyncJobs.Job job = found.get();
    String self = "http://" + exchange.getRequestHeaders().getFirst("Host") + PATH + job.id();
    boolean completed = jobs.completed(job);
    String progress =
        !completed
            ? "pending"
            : job.answer().succeeded() ? "succeeded" : NetSuiteGuesses.TASK_FAILED;
    ObjectNode body =
        switch (parts.length) {
          case 1 -> jobStatus(self, job, completed, progress);
          case 2 -> taskList(self);
          case 3 -> taskStatus(self, job, completed, progress);
          default -> completed ? job.answer().result() : null;
        };
    if (body == null) {
      NetSuiteErrorShape.INSTANCE.write(
          exchange, 404, "NONEXISTENT_ID", "The task has no result yet.", null);
      return;
    }
    SandboxJson.write(exchange, 200, body);
  }

  private static ObjectNode jobStatus(
      String self, AsyncJobs.Job job, boolean completed, String progress) {
    ObjectNode status = Json.mapper().createObjectNode();
    links(status, "self", self);
    status.put("completed", completed).put("id", job.id()).put("progress", progress);
    links(status.putObject("task"), "self", self + "/task");
    return status;
  }

  private static ObjectNode taskList(String self) {
    ObjectNode list = Json.mapper().createObjectNode();
    ArrayNode items = list.putArray(NetSuiteGuesses.TASK_LIST_ITEMS);
    links(items.addObject().put("id", TASK_ID), "self", self + "/task/" + TASK_ID);
    list.put("count", 1).put("hasMore", false).put("offset", 0).put("totalResults", 1);
    return list;
  }

  private static ObjectNode taskStatus(
      String self, AsyncJobs.Job job, boolean completed, String progress) {
    String task = self + "/task/" + TASK_ID;
    ObjectNode status = Json.mapper().createObjectNode();
    ArrayNode links = status.putArray("links");
    links.addObject().put("rel", "related").put("href", task + "/result");
    links.addObject().put("rel", "self").put("href", task);
    status.put("completed", completed);
    if (completed) {
      status.put("endTime", job.end().toString());
    }
    return status
        .put("id", TASK_ID)
        .put("progress", progress)
        .put("startTime", job.start().toString());
  }

  private static void links(ObjectNode node, String rel, String href) {
    node.putArray("links").addObject().put("rel", rel).put("href", href);
  }
}
