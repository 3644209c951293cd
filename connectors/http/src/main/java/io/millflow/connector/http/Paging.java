package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** Where the page after the one just read is, for each {@link PagingStyle}. */
sealed interface Paging {

  /** What the page just read said, and how far the read has come. */
  record Page(URI uri, Answer answer, int records, long recordsSoFar, int pagesSoFar) {}

  /** The first page's URL, from the step's URL. */
  default URI first(URI uri) {
    return uri;
  }

  /** The next page's URL, or null when {@code page} was the last. */
  URI next(Page page);

  record None() implements Paging {
    @Override
    public URI next(Page page) {
      return null;
    }
  }

  record LinkHeader() implements Paging {
    @Override
    public URI next(Page page) {
      return LinkHeaders.next(page.answer().headers()).map(page.uri()::resolve).orElse(null);
    }
  }

  /** {@code cursorParameter} null: the value at the pointer is the next page's URL. */
  record NextInBody(JsonPointer pointer, String cursorParameter) implements Paging {
    @Override
    public URI next(Page page) {
      JsonNode next = Bodies.at(page.answer(), pointer);
      if (!next.isValueNode() || next.isNull() || next.asText().isEmpty()) {
        return null;
      }
      return cursorParameter == null
          ? page.uri().resolve(next.asText().strip())
          : Urls.withParameter(page.uri(), cursorParameter, next.asText());
    }
  }

  record Offset(String offsetParameter, String sizeParameter, int pageSize) implements Paging {
    @Override
    public URI first(URI uri) {
      return Urls.withParameter(
          Urls.withParameter(uri, offsetParameter, "0"), sizeParameter, Integer.toString(pageSize));
    }

    @Override
    public URI next(Page page) {
      return page.records() < pageSize
          ? null
          : Urls.withParameter(page.uri(), offsetParameter, Long.toString(page.recordsSoFar()));
    }
  }

  /** {@code pageSize} null: the API's own page size, and the list ends with an empty page. */
  record PageNumber(String pageParameter, String sizeParameter, Integer pageSize, int firstPage)
      implements Paging {
    @Override
    public URI first(URI uri) {
      URI numbered = Urls.withParameter(uri, pageParameter, Integer.toString(firstPage));
      return pageSize == null
          ? numbered
          : Urls.withParameter(numbered, sizeParameter, Integer.toString(pageSize));
    }

    @Override
    public URI next(Page page) {
      boolean last = page.records() == 0 || pageSize != null && page.records() < pageSize;
      return last
          ? null
          : Urls.withParameter(
              page.uri(), pageParameter, Integer.toString(firstPage + page.pagesSoFar()));
    }
  }
}
