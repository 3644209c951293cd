package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON fixtures under {@code src/test/resources/fixtures}, read as Plex's client reads answers
 * (decimals kept).
 */
final class Fixtures {

  private Fixtures() {}

  static ObjectNode read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return (ObjectNode)
          Json.mapper()
              .reader()
              .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
              .readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
