package io.millflow.connector.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How body records are sent; stored as the names below. */
public enum BodyFormat {
  /** One JSON object a line ({@code application/x-ndjson}). */
  @JsonProperty("jsonl")
  JSONL,
  /** CSV with a header row, the columns the first record's fields ({@code text/csv}). */
  @JsonProperty("csv")
  CSV
}
