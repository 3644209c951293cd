package io.millflow.engine.records;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups records by key fields and writes one record per group: its key fields, then count / sum /
 * min / max / first / last of fields ({@code count, sum(quantity) as totalQty, max(unitPrice)}), in
 * the order the groups first appear. A record whose value does not fit its aggregate (a text to
 * sum) is rejected with its reason and counts in no group. Groups are held in memory, at most
 * {@value #MAX_GROUPS}; more fail the step with {@code TOO_MANY_GROUPS} rather than spill.
 */
@Singleton
@StepType(
    id = "records.aggregate",
    name = "Aggregate records",
    group = "Transforms",
    description = "Groups records by key fields with count, sum, min, max, first and last.")
public final class RecordsAggregate implements Step<RecordsAggregate.Input, RecordsResult> {

  static final int MAX_GROUPS = 1_000_000;

  public record Input(
      @Param(label = "Records", description = "The dataset to aggregate, e.g. =lines.records")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(label = "Group by", description = "Comma-separated key fields: vendor, itemCode")
          String groupBy,
      @Param(
              label = "Aggregates",
              description = "count, sum(quantity) as totalQty, min/max/first/last(field)")
          @NotBlank
          String aggregates,
      @Param(label = "Entity", description = "What the group records are", defaultValue = "group")
          String entity,
      @Param(
              label = "Max rejected share",
              description = "Share of records that may be rejected before the step fails (0 to 1)",
              defaultValue = "0")
          @DecimalMin("0")
          @DecimalMax("1")
          Double maxRejectedShare) {}

  private final int maxGroups;

  @Inject
  public RecordsAggregate() {
    this(MAX_GROUPS);
  }

  RecordsAggregate(int maxGroups) {
    this.maxGroups = maxGroups;
  }

  @Override
  public RecordsResult run(Input input, StepContext context) {
    List<FieldPath> keys = FieldPath.list(input.groupBy());
    List<Aggregate> aggregates = Aggregate.parse(input.aggregates());
    if (aggregates.isEmpty()) {
      throw new StepFailure("INVALID_AGGREGATE", "Name at least one aggregate, e.g. count");
    }
    String entity = input.entity() == null || input.entity().isBlank() ? "group" : input.entity();
    Map<List<Object>, Group> groups = new LinkedHashMap<>();
    try (RecordRun run =
        new RecordRun(
            "records.aggregate", input.records(), entity, input.maxRejectedShare(), context)) {
      run.forEach((number, record) -> add(record, keys, aggregates, groups));
      groups.values().forEach(group -> run.write(group.record()));
      return run.finish(0);
    }
  }

  /** Adds the record to its group; a group is kept only once a record was added to it. */
  private void add(
      Map<String, Object> record,
      List<FieldPath> keys,
      List<Aggregate> aggregates,
      Map<List<Object>, Group> groups) {
    List<Object> key = new ArrayList<>(keys.size());
    keys.forEach(field -> key.add(field.in(record)));
    Group group = groups.get(key);
    if (group != null) {
      group.add(record);
      return;
    }
    if (groups.size() >= maxGroups) {
      throw new StepFailure(
          "TOO_MANY_GROUPS",
          "records.aggregate holds its groups in memory, at most "
              + maxGroups
              + "; this input has more. Group by fewer fields, or aggregate in the database.");
    }
    Map<String, Object> keyFields = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      keyFields.put(keys.get(i).name(), key.get(i));
    }
    Group fresh = new Group(keyFields, aggregates);
    fresh.add(record);
    groups.put(key, fresh);
  }
}
