package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.step.Batches;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import java.util.List;

/**
 * What every SuiteQL read step does: checks the connection, walks the period with a {@link
 * SuiteQlWindowReader}, turns each page of rows into records, writes them to a dataset as they
 * come, and returns the dataset with the greatest lastModifiedDate read that lies the boundary
 * margin before now as the cursor ({@link io.millflow.step.BoundaryMargin}). Only one page of
 * records is in memory at a time.
 */
final class SuiteQlRead {

  /**
   * Turns one page of rows into the records the dataset holds (a purchase order's lines are fetched
   * here).
   */
  @FunctionalInterface
  interface PageRecords {
    List<ObjectNode> of(
        List<ObjectNode> rows,
        NetSuiteClient client,
        NetSuiteConnectionSettings settings,
        int pageSize);
  }

  private SuiteQlRead() {}

  static ReadResult run(
      NetSuiteClientFactory clients,
      StepContext context,
      ReadPlan plan,
      SuiteQlEntity entity,
      String datasetEntity,
      PageRecords records) {
    NetSuiteConnectionSettings settings = settings(context, plan.connection());
    NetSuiteClient client = clients.forSettings(settings);
    context
        .log()
        .info(
            "Reading NetSuite "
                + entity.recordType()
                + " records modified in ["
                + plan.since()
                + ", "
                + plan.until()
                + ") from '"
                + settings.connectionName()
                + "', "
                + plan.pageSize()
                + " a page");
    try (DatasetWriter out = context.datasets().create(datasetEntity)) {
      SuiteQlWindowReader reader =
          new SuiteQlWindowReader(client, entity, settings, plan.cursor(), context.log());
      long[] pages = {0};
      reader.read(
          plan.since(),
          plan.until(),
          plan.pageSize(),
          rows -> {
            records.of(rows, client, settings, plan.pageSize()).forEach(out::add);
            context.progress(out.count(), -1, Batches.pages(++pages[0]));
          });
      DatasetRef ref = out.finish();
      context.progress(ref.count(), ref.count());
      context
          .log()
          .info(
              "Read "
                  + ref.count()
                  + " "
                  + entity.recordType()
                  + " records in "
                  + reader.calls()
                  + " SuiteQL calls"
                  + (reader.restarts() > 0 ? ", " + reader.restarts() + " new windows" : "")
                  + "; cursor "
                  + plan.cursor().cursor(plan.givenSince())
                  + " (newest change before "
                  + plan.cursor().settleLine()
                  + ", the boundary margin before now)");
      return ReadResult.withCursor(ref, plan.cursor().cursor(plan.givenSince()));
    }
  }

  /** Rows to records, one for one. */
  static PageRecords oneToOne(SuiteQlEntity entity) {
    return (rows, client, settings, pageSize) ->
        rows.stream().map(row -> entity.toRecord(row, settings.timeZone())).toList();
  }

  /** The settings of a NetSuite connection; another system's connection is a step failure. */
  static NetSuiteConnectionSettings settings(StepContext context, String name) {
    return NetSuiteConnectionSettings.of(name, context.connection(name, NetSuiteConnection.class));
  }
}
