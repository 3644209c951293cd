package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.util.Locale;

/**
 * Copies the records of one page into a dataset without building them: the page is scanned once to
 * the array at the records pointer, and each record's JSON text, as the API sent it, is handed to
 * the writer as bytes. Parsing each record into a tree and writing it out again was most of what
 * {@code http.request} spent per record. A record whose text spans lines (a pretty-printed page),
 * or a page not in UTF-8, goes through a tree, so a dataset line is always one record.
 */
final class PageRecords {

  private PageRecords() {}

  /**
   * Adds the records at {@code pointer} in {@code page} to {@code out}: none when nothing or null
   * is there.
   *
   * @return how many records the page had
   * @throws StepFailure {@code HTTP_UNEXPECTED_RESPONSE} when the page is not JSON, or the pointer
   *     is at something other than an array
   */
  static int copy(
      Answer page, JsonPointer pointer, DatasetWriter out, Exchange request, Call call) {
    byte[] body = page.body();
    try (JsonParser parser = Json.mapper().createParser(body)) {
      JsonToken found = JsonScan.to(parser, pointer);
      if (found == null || found == JsonToken.VALUE_NULL) {
        return 0;
      }
      if (found != JsonToken.START_ARRAY) {
        throw notAnArray(pointer, found, request);
      }
      int count = 0;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        add(parser, token, body, out);
        count++;
      }
      return count;
    } catch (IOException e) {
      throw Bodies.notJson(page, request, call);
    }
  }

  private static void add(JsonParser parser, JsonToken token, byte[] body, DatasetWriter out)
      throws IOException {
    long start = parser.currentTokenLocation().getByteOffset();
    if (token.isStructStart() && start >= 0) {
      parser.skipChildren();
      long end = parser.currentLocation().getByteOffset();
      if (end > start && oneLine(body, (int) start, (int) end)) {
        out.addJson(body, (int) start, (int) (end - start));
        return;
      }
      out.add(Json.mapper().readTree(body, (int) start, (int) (end - start)));
      return;
    }
    JsonNode record = Json.mapper().readTree(parser);
    out.add(record);
  }

  private static boolean oneLine(byte[] body, int start, int end) {
    for (int i = start; i < end; i++) {
      if (body[i] == '\n' || body[i] == '\r') {
        return false;
      }
    }
    return true;
  }

  private static StepFailure notAnArray(JsonPointer pointer, JsonToken found, Exchange request) {
    return new StepFailure(
        "HTTP_UNEXPECTED_RESPONSE",
        "recordsPointer '"
            + pointer
            + "' points at a JSON "
            + kind(found)
            + " in the answer to "
            + request.describe()
            + ", not at an array of records.");
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }
}
