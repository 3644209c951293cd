package io.millflow.connector.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.StepContext;
import io.millflow.step.StepExpression;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.util.Locale;

/** Where a page's records are: an array at a JSON pointer, or what a FEEL expression picks. */
sealed interface RecordPick {

  /**
   * Adds the records of {@code page} to {@code out}.
   *
   * @return how many records the page had
   */
  int copy(Answer page, DatasetWriter out, Exchange request, Call call);

  /** The step's {@code recordsExpression} when it has one, else its {@code recordsPointer}. */
  static RecordPick of(HttpRequestStep.Input input, StepContext context) {
    if (HttpRequestStep.isBlank(input.recordsExpression())) {
      return new Pointer(HttpRequestStep.pointer("recordsPointer", input.recordsPointer()));
    }
    if (!HttpRequestStep.isBlank(input.recordsPointer())) {
      throw new StepFailure(
          "INVALID_INPUT",
          "Give recordsPointer or recordsExpression, not both: they say the same thing. Leave one"
              + " empty.");
    }
    return new Feel(context.expression("recordsExpression", input.recordsExpression().strip()));
  }

  /** The array at a pointer, each record copied as the API wrote it ({@link PageRecords}). */
  record Pointer(JsonPointer pointer) implements RecordPick {
    @Override
    public int copy(Answer page, DatasetWriter out, Exchange request, Call call) {
      return PageRecords.copy(page, pointer, out, request, call);
    }
  }

  /**
   * A FEEL expression over the page, its body the variable {@code body} (e.g. {@code
   * body.data[status = "open"]}): the list it gives is the page's records. The page is read into a
   * tree for it, so this is slower than a pointer.
   */
  record Feel(StepExpression expression) implements RecordPick {
    @Override
    public int copy(Answer page, DatasetWriter out, Exchange request, Call call) {
      JsonNode body;
      try {
        body = Json.mapper().readTree(page.body());
      } catch (IOException e) {
        throw Bodies.notJson(page, request, call);
      }
      if (body == null || body.isMissingNode()) {
        throw Bodies.notJson(page, request, call);
      }
      JsonNode records = expression.evaluate(Json.mapper().createObjectNode().set("body", body));
      if (records.isNull() || records.isMissingNode()) {
        return 0;
      }
      if (!records.isArray()) {
        throw new StepFailure(
            "HTTP_UNEXPECTED_RESPONSE",
            "recordsExpression gives a "
                + records.getNodeType().name().toLowerCase(Locale.ROOT)
                + " for the answer to "
                + request.describe()
                + ", not a list of records.");
      }
      records.forEach(out::add);
      return records.size();
    }
  }
}
