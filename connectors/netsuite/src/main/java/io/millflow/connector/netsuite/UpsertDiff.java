package io.millflow.connector.netsuite;

import io.millflow.step.write.WriteDiff;
import java.util.List;

/**
 * What a dry run found for one record: {@code action} is {@code create}, {@code update} (with the
 * fields that would change, old and new), {@code unchanged} or {@code rejected} (with the code and
 * reason NetSuite would give, as far as a read can tell). Step-library's {@link WriteDiff} with
 * NetSuite's two ids, the external id the write keys on and NetSuite's internal id.
 */
public record UpsertDiff(
    String key,
    String externalId,
    String action,
    String internalId,
    List<WriteDiff.FieldChange> changes,
    String errorCode,
    String reason) {

  /** The dataset entity of a dry run's diff. */
  public static final String ENTITY = "netsuite.upsertDiff";

  public UpsertDiff {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
