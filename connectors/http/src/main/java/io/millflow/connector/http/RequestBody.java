package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.Json;
import io.millflow.step.csv.CsvRows;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What a request sends: JSON bytes of the step's input, or a dataset's records streamed. */
sealed interface RequestBody {

  /** A fresh publisher for one send: a retry or a redirect that keeps the body sends it again. */
  HttpRequest.BodyPublisher publisher();

  /** The body's media type. */
  String contentType();

  /** A body small enough to hold: the step's {@code body} input as JSON. */
  record Bytes(byte[] bytes) implements RequestBody {
    @Override
    public HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    @Override
    public String contentType() {
      return "application/json";
    }
  }

  /**
   * A dataset's records as JSON lines or CSV rows, read from the store while the client sends them:
   * never the whole dataset in memory, and read again from the start for each send.
   */
  record Records(DatasetStore store, DatasetRef records, BodyFormat format, String target)
      implements RequestBody {

    @Override
    public HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofInputStream(
          () -> new RecordsInputStream(store.read(records, JsonNode.class), encoder()));
    }

    @Override
    public String contentType() {
      return switch (format) {
        case JSONL -> "application/x-ndjson";
        case CSV -> "text/csv; charset=utf-8";
      };
    }

    private RecordsInputStream.Encoder encoder() {
      return switch (format) {
        case JSONL -> Records::jsonLine;
        case CSV -> csvRows(target);
      };
    }

    private static byte[] jsonLine(JsonNode record, long number) throws java.io.IOException {
      byte[] json = Json.mapper().writeValueAsBytes(record);
      byte[] line = Arrays.copyOf(json, json.length + 1);
      line[json.length] = '\n';
      return line;
    }

    /** Rows of one send: the header comes before the first record's row. */
    private static RecordsInputStream.Encoder csvRows(String target) {
      ByteArrayOutputStream row = new ByteArrayOutputStream(256);
      Writer text = new OutputStreamWriter(row, StandardCharsets.UTF_8);
      CsvRows rows = new CsvRows(text, ',', true, target);
      return (record, number) -> {
        rows.write(record, number);
        rows.flush();
        byte[] bytes = row.toByteArray();
        row.reset();
        return bytes;
      };
    }
  }
}
