package io.millflow.engine.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One log record as one line of JSON: {@code timestamp}, {@code level}, {@code loggerName}, {@code
 * message}, {@code threadName}, the log context as {@code mdc} (run id, flow id, step type during a
 * step attempt) and a thrown exception's stack trace as {@code exception}. Written with Jackson,
 * which the runtime's own class loader has: the log manager's {@code JsonFormatter} needs
 * jakarta.json on the boot class path, where the packaged runtime has none (it failed to start).
 */
final class JsonLogLine extends ExtFormatter {

  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format(ExtLogRecord record) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
      json.writeStringField("level", record.getLevel().getName());
      json.writeStringField("loggerName", record.getLoggerName());
      json.writeStringField("message", record.getFormattedMessage());
      json.writeStringField("threadName", record.getThreadName());
      Map<String, String> mdc = record.getMdcCopy();
      if (!mdc.isEmpty()) {
        json.writeObjectFieldStart("mdc");
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
      }
      if (record.getThrown() != null) {
        json.writeStringField("exception", stackTrace(record.getThrown()));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
