package io.millflow.engine.ledger;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.RecordAccount;
import io.millflow.step.Rejects;
import io.millflow.step.WriteResult;
import io.millflow.step.write.RecordWriteResult;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A step attempt's ledger row from its typed input and output: the datasets in its input's
 * components, those of its output, the cursor it started from, and its counts from its {@link
 * ReadResult}, {@link WriteResult}, {@link RecordWriteResult}, or the {@link RecordAccount} it gave
 * (else from its datasets' counts). A write to a system (a {@link RecordWriteResult}) is a sink;
 * its per-record results are about the write, not records handed on, so they start no path. Its dry
 * run writes nothing and ends no path: it is marked as one and left out of every count.
 */
final class Contributions {

  private Contributions() {}

  static StepContribution of(
      String elementId, String stepType, Object input, Object output, RecordAccount account) {
    List<DatasetRef> in = HeldDatasets.of(input);
    List<DatasetRef> out =
        output instanceof ReadResult read ? nonNull(read.records()) : HeldDatasets.of(output);
    long readIn = in.stream().mapToLong(DatasetRef::count).sum();
    long passedOn = out.stream().mapToLong(DatasetRef::count).sum();
    List<String> inIds = in.stream().map(DatasetRef::dataset).toList();
    List<String> outIds = out.stream().map(DatasetRef::dataset).toList();
    return switch (output) {
      case WriteResult write ->
          sink(
              elementId,
              stepType,
              inIds,
              outIds,
              write.accounted(),
              write.inserted(),
              write.updated(),
              write.unchanged(),
              write.skippedOlder(),
              write.rejected());
      case RecordWriteResult write when write.dryRun() ->
          counted(elementId, stepType, Role.DRY_RUN, inIds, outIds, null, null, readIn, 0);
      case RecordWriteResult write ->
          sink(
              elementId,
              stepType,
              inIds,
              outIds,
              write.total(),
              write.creates(),
              write.updates() + write.upserted(),
              write.unchanged(),
              0,
              write.rejects());
      case ReadResult read when in.isEmpty() ->
          counted(
              elementId,
              stepType,
              Role.SOURCE,
              inIds,
              outIds,
              cursorOf(input),
              read.cursor(),
              passedOn,
              passedOn);
      default -> {
        if (in.isEmpty()) {
          Role role = out.isEmpty() ? Role.NONE : Role.SOURCE;
          yield counted(
              elementId, stepType, role, inIds, outIds, cursorOf(input), null, passedOn, passedOn);
        }
        Role role = out.isEmpty() ? Role.UNACCOUNTED_SINK : Role.TRANSFORM;
        yield account == null
            ? counted(elementId, stepType, role, inIds, outIds, null, null, readIn, passedOn)
            : new StepContribution(
                elementId,
                stepType,
                role,
                inIds,
                outIds,
                null,
                null,
                account.read(),
                passedOn,
                0,
                0,
                0,
                0,
                account.rejected(),
                account.collapsed(),
                account.filtered(),
                account.fillRates(),
                account.warnings(),
                account.newFieldsSeen());
      }
    };
  }

  /** A row that counts only what the step read and passed on. */
  private static StepContribution counted(
      String elementId,
      String stepType,
      Role role,
      List<String> inIds,
      List<String> outIds,
      String windowFrom,
      String windowTo,
      long read,
      long passedOn) {
    return new StepContribution(
        elementId,
        stepType,
        role,
        inIds,
        outIds,
        windowFrom,
        windowTo,
        read,
        passedOn,
        0,
        0,
        0,
        0,
        null,
        0,
        0,
        null,
        null);
  }

  /** A sink's row: what it read, and what became of each record. */
  private static StepContribution sink(
      String elementId,
      String stepType,
      List<String> inIds,
      List<String> outIds,
      long read,
      long inserted,
      long updated,
      long unchanged,
      long skippedOlder,
      Rejects rejected) {
    return new StepContribution(
        elementId,
        stepType,
        Role.SINK,
        inIds,
        outIds,
        null,
        null,
        read,
        0,
        inserted,
        updated,
        unchanged,
        skippedOlder,
        rejected,
        0,
        0,
        null,
        null);
  }

  /**
   * The incremental cursor the step started from: its input marked {@code @Param(cursor = true)},
   * as text.
   */
  private static String cursorOf(Object input) {
    if (input == null || !input.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : input.getClass().getRecordComponents()) {
      Param param = component.getAnnotation(Param.class);
      if (param != null && param.cursor()) {
        Object value = HeldDatasets.component(component, input);
        return value == null ? null : value.toString();
      }
    }
    return null;
  }

  private static List<DatasetRef> nonNull(DatasetRef ref) {
    return ref == null ? List.of() : List.of(ref);
  }
}
