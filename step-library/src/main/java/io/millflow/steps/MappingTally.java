package io.millflow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.FillRates;
import io.millflow.model.RequiredFields;
import io.millflow.model.UnifiedRecords;
import io.millflow.model.UnmappableField;
import io.millflow.step.FieldFill;
import io.millflow.step.LedgerMeasurement;
import io.millflow.step.RecordAccount;
import io.millflow.step.Rejects;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link UnifiedTransform} counts as it maps one run's records: each record read is mapped, or
 * rejected with its reason (it cannot be mapped, or a required field is empty), and later found to
 * be an older duplicate of a key or not. Also the fill rate of every unified field, which of the
 * fields the mapper reads came back empty in every record, and the source's schema drift ({@link
 * FieldDrift}).
 */
final class MappingTally {

  private final String entity;
  private final FillRates fills;
  private final Rejects.Tally rejects = new Rejects.Tally();
  private final NewestPerKey newest = new NewestPerKey();
  private final FieldDrift drift;

  /** Whether to keep the statistics (fill rates, drift): off only in a benchmark's measurement. */
  private final boolean statistics = LedgerMeasurement.isOn();

  private long read;

  MappingTally(String entity, FieldDrift drift) {
    this.entity = entity;
    this.drift = drift;
    Class<? extends Record> type = UnifiedRecords.ENTITIES.get(entity);
    this.fills = type == null || !statistics ? null : FillRates.of(type);
  }

  /** One more source record read; returns its place in the input, from 1. */
  long readOne(JsonNode record) {
    if (statistics) {
      drift.count(record);
    }
    return ++read;
  }

  long read() {
    return read;
  }

  /**
   * Rejects the record when the mapper could not map it (the failure names the field), or rethrows
   * any other failure.
   */
  void unmappable(StepFailure failure, long number) {
    if (!"UNMAPPABLE_RECORD".equals(failure.code())) {
      throw failure;
    }
    if (failure.getCause() instanceof UnmappableField field) {
      rejects.reject(field.record(), field.reason());
    } else {
      rejects.reject("record " + number + " of the input", failure.getMessage());
    }
  }

  /**
   * Whether the mapped record may be written: false (and rejected) when a required field is empty.
   */
  boolean accept(Object mapped, long number) {
    String missing = RequiredFields.missing(mapped);
    if (missing == null) {
      return true;
    }
    String key = UnifiedRecords.key(mapped);
    rejects.reject(
        entity + " " + (key == null || key.isBlank() ? "record " + number + " of the input" : key),
        "required field '" + missing + "' is empty");
    return false;
  }

  /** A record written to the output at {@code index} (from 0). */
  void mapped(Object record, long index) {
    if (fills != null) {
      fills.count(record);
    }
    String key = UnifiedRecords.key(record);
    if (key != null) {
      newest.offer(key, UnifiedRecords.sourceUpdatedAt(record), index);
    }
  }

  long collapsed() {
    return newest.collapsed();
  }

  boolean isSuperseded(long index) {
    return newest.isSuperseded(index);
  }

  Map<String, FieldFill> fillRates() {
    return fills == null ? Map.of() : fills.rates();
  }

  /**
   * A warning for each field the mapper reads that no record of the run filled, naming its source
   * field.
   */
  List<String> emptyFields(Map<String, String> sourceFields) {
    List<String> warnings = new ArrayList<>();
    Map<String, FieldFill> rates = fillRates();
    sourceFields.forEach(
        (field, sourceField) -> {
          FieldFill fill = rates.get(field);
          if (fill != null && fill.total() > 0 && fill.filled() == 0) {
            warnings.add(
                "No "
                    + entity
                    + (field.contains(".") ? " " + field.substring(0, field.indexOf('.')) : "")
                    + " of this run has a value in "
                    + field
                    + " ("
                    + fill.total()
                    + " empty), read from the source field '"
                    + sourceField
                    + "': check that the source still sends it under that name.");
          }
        });
    return warnings;
  }

  /** A warning per new field seen and per custom field no record carried. */
  List<String> driftWarnings(String sourceEntity) {
    return statistics ? drift.warnings(sourceEntity, read) : List.of();
  }

  RecordAccount account(long mapped, List<String> warnings) {
    return new RecordAccount(
        read, mapped, rejects.rejects(), collapsed(), fillRates(), warnings, drift.newFieldsSeen());
  }

  Rejects rejects() {
    return rejects.rejects();
  }
}
