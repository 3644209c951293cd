package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.List;

/**
 * Fetches records by internal id with {@code GET record/v1/{type}/{id}}, sublists inlined unless
 * told otherwise, into a {@code netsuite.<type>} dataset that the same mappers as the bulk reads
 * map. For a handful of records (a webhook named them, a check after a failed write); bulk reads go
 * through SuiteQL.
 */
@Singleton
@StepType(
    id = "netsuite.record.get",
    name = "Get NetSuite records",
    group = "Sources",
    description =
        "Fetches NetSuite records (purchase orders, vendors, inventory items) by internal id.")
public final class NetSuiteRecordGet implements Step<NetSuiteRecordGet.Input, DatasetRef> {

  /** More ids than this belong in a SuiteQL read: each id is one call. */
  static final int MAX_IDS = 1_000;

  public record Input(
      @Param(label = "Connection", description = "A NetSuite connection") @NotBlank
          String connection,
      @Param(
              label = "Record type",
              choices = {"purchaseOrder", "vendor", "inventoryItem"},
              defaultValue = "purchaseOrder")
          @NotBlank
          String recordType,
      @Param(label = "Internal ids", description = "Comma-separated, such as 107, 108") @NotBlank
          String ids,
      @Param(
              label = "Expand sublists",
              choices = {"true", "false"},
              defaultValue = "true")
          Boolean expandSubResources) {}

  private final NetSuiteClientFactory clients;

  @Inject
  public NetSuiteRecordGet(NetSuiteClientFactory clients) {
    this.clients = clients;
  }

  public NetSuiteRecordGet() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public DatasetRef run(Input input, StepContext context) {
    List<String> ids = ids(input.ids());
    if (input.recordType() == null
        || !List.of("purchaseOrder", "vendor", "inventoryItem").contains(input.recordType())) {
      throw new StepFailure(
          "INVALID_INPUT",
          "recordType '"
              + input.recordType()
              + "' is not one this step maps:"
              + " choose purchaseOrder, vendor or inventoryItem.");
    }
    NetSuiteClient client = clients.forSettings(SuiteQlRead.settings(context, input.connection()));
    boolean expand = input.expandSubResources() == null || input.expandSubResources();
    try (DatasetWriter out = context.datasets().create("netsuite." + input.recordType())) {
      for (String id : ids) {
        out.add(client.record(input.recordType(), id, expand));
        context.progress(out.count(), ids.size());
      }
      return out.finish();
    }
  }

  private static List<String> ids(String text) {
    List<String> ids =
        text == null
            ? List.of()
            : Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    if (ids.isEmpty() || ids.size() > MAX_IDS) {
      throw new StepFailure(
          "INVALID_INPUT",
          "Give between 1 and "
              + MAX_IDS
              + " internal ids, comma-separated;"
              + " got "
              + ids.size()
              + ". For more, use a NetSuite read step.");
    }
    return ids;
  }
}
