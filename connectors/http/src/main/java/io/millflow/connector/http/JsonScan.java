package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Moves a parser to the value at a JSON pointer, skipping everything before it unread: what a page
 * needs from its body (the records, the next page's cursor) without a tree of the whole page.
 */
final class JsonScan {

  private JsonScan() {}

  /**
   * The token of the value at {@code pointer}, the parser standing on it; null when the document
   * has no such value.
   *
   * @throws IOException when the document is not JSON (up to the value)
   */
  static JsonToken to(JsonParser parser, JsonPointer pointer) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(parser, "No JSON value");
    }
    for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
      token =
          switch (token) {
            case START_OBJECT -> toProperty(parser, rest.getMatchingProperty());
            case START_ARRAY -> toIndex(parser, rest.getMatchingIndex());
            default -> null;
          };
      if (token == null) {
        return null;
      }
    }
    return token;
  }

  private static JsonToken toProperty(JsonParser parser, String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals(name)) {
        return value;
      }
      parser.skipChildren();
    }
    return null;
  }

  private static JsonToken toIndex(JsonParser parser, int index) throws IOException {
    if (index < 0) {
      return null;
    }
    int at = 0;
    for (JsonToken value = parser.nextToken();
        value != JsonToken.END_ARRAY;
        value = parser.nextToken()) {
      if (at++ == index) {
        return value;
      }
      parser.skipChildren();
    }
    return null;
  }
}
