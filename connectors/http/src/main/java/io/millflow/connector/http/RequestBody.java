package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import java.net.http.HttpRequest;

/** What a request sends: JSON bytes of the step's input, or a dataset's records streamed. */
sealed interface RequestBody {

  /** A fresh publisher for one send: a retry or a redirect that keeps the body sends it again. */
  HttpRequest.BodyPublisher publisher();

  /** A body small enough to hold: the step's {@code body} input as JSON. */
  record Bytes(byte[] bytes) implements RequestBody {
    @Override
    public HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }
  }

  /**
   * A dataset's records as JSON lines, read from the store while the client sends them: never the
   * whole dataset in memory, and read again from the start for each send.
   */
  record JsonLines(DatasetStore store, DatasetRef records) implements RequestBody {
    static final String CONTENT_TYPE = "application/x-ndjson";

    @Override
    public HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofInputStream(
          () -> new JsonLinesInputStream(store.read(records, JsonNode.class)));
    }
  }
}
