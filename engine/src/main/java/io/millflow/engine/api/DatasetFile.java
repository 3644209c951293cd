package io.millflow.engine.api;

import io.millflow.engine.dataset.DatasetCsv;
import io.millflow.engine.dataset.DatasetLines;
import io.millflow.engine.dataset.DatasetLookup;
import io.millflow.engine.run.Redaction;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A whole dataset as a file to save, streamed one stored chunk at a time with its secrets masked:
 * JSON lines (one record a line, as stored) or CSV. What a download with the bearer token and one
 * with a download ticket send alike.
 */
final class DatasetFile {

  private DatasetFile() {}

  /** {@code jsonl} or {@code csv}; anything else is a 400 naming the parameter. */
  static String format(String format) {
    if (!format.equals("jsonl") && !format.equals("csv")) {
      throw new BadRequestException("Query parameter 'format' must be jsonl or csv");
    }
    return format;
  }

  static Response of(
      DatasetLines lines, DatasetLookup.Stored stored, String dataset, String format, Redaction r) {
    StreamingOutput body =
        output -> {
          Writer out =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
          if (format.equals("csv")) {
            DatasetCsv.write(
                visitor -> lines.forEach(stored.id(), line -> visitor.visit(r.apply(line))), out);
          } else {
            lines.forEach(
                stored.id(),
                line -> {
                  out.write(r.apply(line));
                  out.write('\n');
                  return true;
                });
          }
          out.flush();
        };
    String file = stored.entity() + "-" + dataset + "." + format;
    return Response.ok(body)
        .type(format.equals("csv") ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("X-Record-Count", stored.records())
        .build();
  }
}
