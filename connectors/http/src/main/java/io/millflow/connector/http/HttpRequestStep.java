package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.OutboundGuard;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls any REST API through an {@code http} connection: one request whose status, chosen headers
 * and (small) body become the output, or a paged list whose records go into a dataset. Every
 * address, redirects included, passes the engine's outbound guard first.
 */
@Singleton
@StepType(
    id = "http.request",
    name = "HTTP request",
    group = "HTTP",
    timeoutSeconds = 600,
    description =
        "Calls a REST API of an http connection; pages through a list into a dataset when asked.")
public final class HttpRequestStep implements Step<HttpRequestStep.Input, HttpRequestStep.Output> {

  /** A body kept as output stays small: Zeebe variables are not a place for data. */
  static final int MAX_OUTPUT_BODY = 64 * 1024;

  /** One page of records in memory at most this large. */
  static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

  public record Input(
      @Param(label = "Connection", description = "An http connection") @NotBlank String connection,
      @Param(label = "Method", defaultValue = "get") HttpMethod method,
      @Param(label = "URL", description = "Relative to the connection's base URL, or absolute")
          @NotBlank
          String url,
      @Param(label = "Query", description = "A FEEL context, e.g. ={status: \"open\"}")
          Map<String, Object> query,
      @Param(label = "Headers", description = "A FEEL context of names and values")
          Map<String, String> headers,
      @Param(label = "Body", description = "JSON from FEEL, e.g. ={part: part.number}") Object body,
      @Param(
              label = "Body records",
              description = "Instead of a body: a dataset, sent as JSON lines, e.g. =parts.records")
          DatasetRef bodyRecords,
      @Param(label = "Body records format", defaultValue = "jsonl") BodyFormat bodyFormat,
      @Param(label = "Timeout (seconds)", description = "Per request; empty: the connection's")
          @Positive
          Integer timeoutSeconds,
      @Param(label = "Paging", defaultValue = "none") PagingStyle paging,
      @Param(
              label = "Records pointer",
              description = "JSON pointer to a page's records, e.g. /data ('/': the whole body)")
          String recordsPointer,
      @Param(
              label = "Records expression",
              description = "Instead of the pointer: FEEL without '=', e.g. body.data[qty > 0]")
          String recordsExpression,
      @Param(label = "Next pointer", description = "nextInBody: where the next URL or cursor is")
          String nextPointer,
      @Param(label = "Cursor parameter", description = "nextInBody: empty when it is a URL")
          String cursorParameter,
      @Param(label = "Page size", description = "offset, pageNumber") @Positive Integer pageSize,
      @Param(label = "Offset parameter", defaultValue = "offset") String offsetParameter,
      @Param(label = "Size parameter", defaultValue = "limit") String sizeParameter,
      @Param(label = "Page parameter", defaultValue = "page") String pageParameter,
      @Param(label = "First page", defaultValue = "1") Integer firstPage,
      @Param(label = "Page limit", defaultValue = "1000") @Positive Integer maxPages,
      @Param(label = "Dataset entity", defaultValue = "http.record") String entity,
      @Param(label = "Response headers", description = "A FEEL list, e.g. =[\"ETag\"]")
          List<String> responseHeaders) {}

  /**
   * The last answer's status and chosen headers; its body when no records were collected, else the
   * dataset, the pages read and whether the page limit left some unread.
   */
  public record Output(
      int status,
      Map<String, String> headers,
      JsonNode body,
      DatasetRef records,
      int pages,
      boolean morePages) {}

  private final RequestSender sender;

  @Inject
  public HttpRequestStep(OutboundGuard guard) {
    this(guard, RetryPolicy.DEFAULT, Clock.systemUTC());
  }

  HttpRequestStep(OutboundGuard guard, RetryPolicy retries, Clock clock) {
    this.sender = new RequestSender(guard, retries, clock);
  }

  @Override
  public Output run(Input input, StepContext context) {
    HttpConnection connection = context.connection(input.connection(), HttpConnection.class);
    Call call = Call.of(input.connection(), connection);
    if (input.timeoutSeconds() != null) {
      call =
          new Call(
              call.connectionName(),
              call.baseUrl(),
              call.authentication(),
              Duration.ofSeconds(input.timeoutSeconds()),
              call.secrets());
    }
    Exchange request = exchange(input, connection, context);
    PagingStyle style = input.paging() == null ? PagingStyle.NONE : input.paging();
    if (style == PagingStyle.NONE
        && isBlank(input.recordsPointer())
        && isBlank(input.recordsExpression())) {
      Answer answer = sender.send(call, request, MAX_OUTPUT_BODY);
      context
          .log()
          .info(
              request.describe()
                  + ": "
                  + answer.status()
                  + " (request "
                  + answer.requestId()
                  + ")");
      return new Output(
          answer.status(),
          chosen(answer, input.responseHeaders()),
          Bodies.output(answer),
          null,
          1,
          false);
    }
    PagedRecords.Result read =
        new PagedRecords(sender)
            .read(
                call,
                request,
                StepPaging.of(input, style),
                RecordPick.of(input, context),
                isBlank(input.entity()) ? "http.record" : input.entity(),
                input.maxPages() == null ? 1000 : input.maxPages(),
                MAX_PAGE_BYTES,
                context);
    context
        .log()
        .info(
            request.describe()
                + ": "
                + read.records().count()
                + " records in "
                + read.pages()
                + (read.pages() == 1 ? " page" : " pages")
                + (read.morePages() ? "; stopped at the page limit, more pages were left" : ""));
    return new Output(
        read.last().status(),
        chosen(read.last(), input.responseHeaders()),
        null,
        read.records(),
        read.pages(),
        read.morePages());
  }

  private static Exchange exchange(Input input, HttpConnection connection, StepContext context) {
    Map<String, String> headers =
        new LinkedHashMap<>(DefaultHeaders.parse(connection.defaultHeaders()));
    headers.putIfAbsent("Accept", "application/json");
    if (input.headers() != null) {
      input.headers().forEach((name, value) -> headers.put(name, String.valueOf(value)));
    }
    RequestBody body = body(input, connection, context);
    if (body != null
        && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
      headers.put("Content-Type", body.contentType());
    }
    return new Exchange(method(input), uri(input, connection), headers, body);
  }

  private static java.net.URI uri(Input input, HttpConnection connection) {
    var uri = Urls.resolve(connection.baseUrl(), input.url());
    return input.query() == null ? uri : Urls.withParameters(uri, input.query());
  }

  private static String method(Input input) {
    return (input.method() == null ? HttpMethod.GET : input.method()).name();
  }

  static JsonPointer pointer(String field, String text) {
    if (isBlank(text) || text.strip().equals("/")) {
      return JsonPointer.empty();
    }
    try {
      return JsonPointer.compile(text.strip());
    } catch (IllegalArgumentException e) {
      throw new StepFailure(
          "INVALID_INPUT",
          field + " '" + text + "' is no JSON pointer: write it like /data or /meta/next.");
    }
  }

  private static RequestBody body(Input input, HttpConnection connection, StepContext context) {
    if (input.body() != null && input.bodyRecords() != null) {
      throw new StepFailure(
          "INVALID_INPUT",
          "Give a body or body records, not both: the request has one body. Leave one empty.");
    }
    if (input.bodyRecords() != null) {
      return new RequestBody.Records(
          context.datasets(),
          input.bodyRecords(),
          input.bodyFormat() == null ? BodyFormat.JSONL : input.bodyFormat(),
          "the body of " + method(input) + " " + uri(input, connection).getRawPath());
    }
    return input.body() == null ? null : new RequestBody.Bytes(json(input.body()));
  }

  private static byte[] json(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StepFailure(
          "INVALID_INPUT", "The body cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  private static Map<String, String> chosen(Answer answer, List<String> names) {
    Map<String, String> chosen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (names != null) {
      for (String name : names) {
        answer.headers().firstValue(name).ifPresent(value -> chosen.put(name, value));
      }
    }
    return chosen;
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
