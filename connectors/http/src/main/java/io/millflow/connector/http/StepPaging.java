package io.millflow.connector.http;

import io.millflow.step.StepFailure;

/** The {@link Paging} a step's input asks for, its settings checked. */
final class StepPaging {

  private StepPaging() {}

  static Paging of(HttpRequestStep.Input input, PagingStyle style) {
    return switch (style) {
      case NONE -> new Paging.None();
      case LINK_HEADER -> new Paging.LinkHeader();
      case NEXT_IN_BODY -> {
        if (HttpRequestStep.isBlank(input.nextPointer())) {
          throw new StepFailure(
              "INVALID_INPUT",
              "paging nextInBody needs nextPointer: where the body gives the next URL or cursor,"
                  + " e.g. /next or /meta/cursor.");
        }
        yield new Paging.NextInBody(
            HttpRequestStep.pointer("nextPointer", input.nextPointer()),
            HttpRequestStep.isBlank(input.cursorParameter())
                ? null
                : input.cursorParameter().strip());
      }
      case OFFSET -> {
        if (input.pageSize() == null) {
          throw new StepFailure(
              "INVALID_INPUT",
              "paging offset needs pageSize: the limit sent with each offset (a shorter page ends the"
                  + " list).");
        }
        yield new Paging.Offset(
            or(input.offsetParameter(), "offset"),
            or(input.sizeParameter(), "limit"),
            input.pageSize());
      }
      case PAGE_NUMBER ->
          new Paging.PageNumber(
              or(input.pageParameter(), "page"),
              or(input.sizeParameter(), "limit"),
              input.pageSize(),
              input.firstPage() == null ? 1 : input.firstPage());
    };
  }

  private static String or(String value, String fallback) {
    return HttpRequestStep.isBlank(value) ? fallback : value.strip();
  }
}
