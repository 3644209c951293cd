package io.millflow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.UnifiedMapper;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns a source dataset ({@code plex.purchaseOrder}, ...) into the unified model with the mapper
 * its connector ships.
 */
@Singleton
@StepType(
    id = "unified.transform",
    name = "Transform to unified model",
    group = "Transforms",
    description = "Maps source records to Millflow's unified model (PurchaseOrder, Vendor, ...).")
public final class UnifiedTransform implements Step<UnifiedTransform.Input, DatasetRef> {

  private static final int PROGRESS_EVERY = 1_000;

  public record Input(
      @Param(label = "Records", description = "The source step's dataset, e.g. =orders")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(label = "Source connection", description = "Recorded in each record's source")
          String sourceConnection,
      @Param(
              label = "Keep raw record",
              choices = {"false", "true"},
              defaultValue = "false")
          Boolean includeRaw,
      @Param(
              label = "Custom fields",
              description = "Comma-separated source fields to keep in customFields")
          String customFields) {}

  private final Map<String, UnifiedMapper> mappersBySourceEntity;

  @Inject
  public UnifiedTransform(@Any Instance<UnifiedMapper> mappers) {
    this(StreamSupport.stream(mappers.spliterator(), false).toList());
  }

  public UnifiedTransform(Collection<UnifiedMapper> mappers) {
    this.mappersBySourceEntity =
        mappers.stream()
            .collect(
                Collectors.toUnmodifiableMap(UnifiedMapper::sourceEntity, Function.identity()));
  }

  @Override
  public DatasetRef run(Input input, StepContext context) {
    UnifiedMapper mapper = mapperFor(input.records().entity());
    MappingOptions options =
        new MappingOptions(
            input.sourceConnection(),
            Boolean.TRUE.equals(input.includeRaw()),
            customFieldNames(input.customFields()));
    MappingTally tally =
        new MappingTally(
            mapper.targetEntity(),
            new FieldDrift(mapper.publishedFields(), options.customFields()));
    DatasetRef mapped = map(input.records(), mapper, options, tally, context);
    DatasetRef out = tally.collapsed() == 0 ? mapped : withoutSuperseded(mapped, tally, context);
    List<String> warnings = new java.util.ArrayList<>(tally.emptyFields(mapper.sourceFields()));
    warnings.addAll(tally.driftWarnings(input.records().entity()));
    context
        .log()
        .info(
            "Mapped "
                + out.count()
                + " of "
                + input.records().count()
                + " "
                + input.records().entity()
                + " records to "
                + mapper.targetEntity()
                + " ("
                + tally.rejects().count()
                + " rejected, "
                + tally.collapsed()
                + " older duplicates of a key collapsed)");
    if (tally.rejects().count() > 0) {
      context
          .log()
          .warn(
              "Rejected "
                  + tally.rejects().count()
                  + " records, not written: "
                  + tally.rejects().reasons()
                  + "; first ones: "
                  + tally.rejects().records());
    }
    warnings.forEach(context.log()::warn);
    context.account(tally.account(out.count(), warnings));
    return out;
  }

  /** Maps every record that can be mapped into a new dataset; the tally keeps the rest. */
  private static DatasetRef map(
      DatasetRef records,
      UnifiedMapper mapper,
      MappingOptions options,
      MappingTally tally,
      StepContext context) {
    long total = records.count();
    try (DatasetWriter out = context.datasets().create(mapper.targetEntity());
        Stream<JsonNode> source = context.datasets().read(records, JsonNode.class)) {
      source.forEach(
          record -> {
            long number = tally.readOne(record);
            Object mapped;
            try {
              mapped = mapper.map(record, options);
            } catch (StepFailure e) {
              tally.unmappable(e, number);
              return;
            }
            if (tally.accept(mapped, number)) {
              tally.mapped(mapped, out.count());
              out.add(mapped);
            }
            if (number % PROGRESS_EVERY == 0) {
              context.progress(number, total);
            }
          });
      context.progress(tally.read(), total);
      return out.finish();
    }
  }

  /** A second pass, only when a key came more than once: the dataset without the older versions. */
  private static DatasetRef withoutSuperseded(
      DatasetRef mapped, MappingTally tally, StepContext context) {
    try (DatasetWriter out = context.datasets().create(mapped.entity());
        Stream<JsonNode> records = context.datasets().read(mapped, JsonNode.class)) {
      long[] index = {0};
      records.forEach(
          record -> {
            if (!tally.isSuperseded(index[0]++)) {
              out.add(record);
            }
          });
      return out.finish();
    }
  }

  private UnifiedMapper mapperFor(String sourceEntity) {
    UnifiedMapper mapper = mappersBySourceEntity.get(sourceEntity);
    if (mapper == null) {
      throw new StepFailure(
          "NO_MAPPER",
          "No mapping to the unified model exists for records of type '"
              + sourceEntity
              + "'. Known source types: "
              + mappersBySourceEntity.keySet().stream().sorted().toList());
    }
    return mapper;
  }

  private static List<String> customFieldNames(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }
}
