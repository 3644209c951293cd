package io.millflow.connector.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an API hands out the pages of a list; stored as the names below. */
public enum PagingStyle {
  /** One request. */
  @JsonProperty("none")
  NONE,
  /** The next page's URL in an RFC 8288 {@code Link} header with {@code rel="next"}. */
  @JsonProperty("linkHeader")
  LINK_HEADER,
  /** The next page's URL, or a cursor for a query parameter, in the body at a JSON pointer. */
  @JsonProperty("nextInBody")
  NEXT_IN_BODY,
  /** An offset and a limit in the query; the list ends with a short page. */
  @JsonProperty("offset")
  OFFSET,
  /** A page number (and size) in the query; the list ends with a short page. */
  @JsonProperty("pageNumber")
  PAGE_NUMBER
}
