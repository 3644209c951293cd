package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.RecordWrites;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import io.millflow.step.write.ParallelCalls;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteTally;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What every NetSuite upsert step does with a dataset of unified records, one {@code PUT
 * {type}/eid:{externalId}} each, in parallel with at most {@link #CHUNK} started ahead of the
 * oldest unanswered (the account's concurrency limiter bounds the calls in flight), the answers
 * written in the records' order. A dry run reads each record by external id and writes {@link
 * UpsertDiff}s, writing nothing to NetSuite; a write writes {@link UpsertOutcome}s and ends in
 * {@code WRITE_REJECTED} when NetSuite refused more than the input's share. Asynchronous requests
 * carry an idempotency key made of the task, the kind of write, the record's place in the dataset
 * and its external id: a retried attempt sends the same keys, and NetSuite hands back the jobs it
 * already ran instead of writing again.
 */
final class ExternalIdUpsert<T> {

  static final int CHUNK = 200;

  private final UpsertMapping<T> mapping;
  private final PerRecordWrite<T> perRecord;
  private final NetSuiteClientFactory clients;

  ExternalIdUpsert(UpsertMapping<T> mapping, NetSuiteClientFactory clients) {
    this(mapping, new ExternalIdWrite<>(mapping), clients);
  }

  ExternalIdUpsert(
      UpsertMapping<T> mapping, PerRecordWrite<T> perRecord, NetSuiteClientFactory clients) {
    this.mapping = mapping;
    this.perRecord = perRecord;
    this.clients = clients;
  }

  RecordWriteResult run(UpsertInput input, StepContext context) {
    NetSuiteClient client = clients.forSettings(SuiteQlRead.settings(context, input.connection()));
    UpsertTally tally = new UpsertTally(input.dry());
    logStart(input, context);
    String entity = input.dry() ? UpsertDiff.ENTITY : UpsertOutcome.ENTITY;
    DatasetRef out;
    try (DatasetWriter writer = context.datasets().create(entity);
        Stream<T> records = context.datasets().read(input.records(), mapping.unifiedType());
        ParallelCalls calls = new ParallelCalls()) {
      Iterator<T> iterator = records.iterator();
      long[] position = {0};
      long[] answered = {0};
      Iterator<WritePlan<T>> plans =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return iterator.hasNext();
            }

            @Override
            public WritePlan<T> next() {
              return plan(iterator.next(), position[0]++, input, context);
            }
          };
      calls.inOrder(
          plans,
          CHUNK,
          planned ->
              input.dry() ? perRecord.diff(planned, client) : perRecord.write(planned, client),
          (planned, answer) -> {
            tally.count(answer, mapping.unwritten(planned.record()));
            writer.add(answer);
            if (++answered[0] % CHUNK == 0) {
              context.progress(answered[0], input.records().count());
            }
          });
      context.progress(answered[0], input.records().count());
      out = writer.finish();
    }
    RecordWriteResult result = tally.result(out);
    logEnd(result, tally.unwritten(), context);
    WriteTally.checkRejectedShare(result, input.rejectedShareLimit(), "NetSuite");
    return result;
  }

  private WritePlan<T> plan(T record, long position, UpsertInput input, StepContext context) {
    String externalId = mapping.reference(record, input);
    ObjectNode body = mapping.body(record, input);
    String idempotencyKey =
        input.async()
            ? UUID.nameUUIDFromBytes(
                    String.join(
                            "|",
                            context.taskKey(),
                            perRecord.verb(),
                            mapping.recordType(),
                            Long.toString(position),
                            String.valueOf(externalId))
                        .getBytes(StandardCharsets.UTF_8))
                .toString()
            : null;
    return new WritePlan<>(
        record,
        mapping.key(record),
        RecordWrites.validExternalId(externalId) ? externalId : null,
        body,
        idempotencyKey);
  }

  private void logStart(UpsertInput input, StepContext context) {
    context
        .log()
        .info(
            (input.dry() ? "Dry run: reading" : perRecord.verb())
                + " NetSuite "
                + mapping.recordType()
                + " records by "
                + mapping.referenceName(input)
                + " from dataset "
                + input.records().dataset()
                + (input.dry()
                    ? ", writing nothing"
                    : input.async() ? ", asynchronously with idempotency keys" : ""));
    context
        .log()
        .warn(
            "Assumed where Oracle's documentation is silent (NetSuiteGuesses): refusals answer "
                + NetSuiteGuesses.WRITE_REFUSED_STATUS
                + ", an upsert answers "
                + NetSuiteGuesses.UPSERT_STATUS
                + " with the record's Location, a create needs "
                + NetSuiteGuesses.REQUIRED_ON_CREATE.getOrDefault(mapping.recordType(), List.of())
                + (input.async() && !input.dry()
                    ? ", an async job lists its tasks under '"
                        + NetSuiteGuesses.TASK_LIST_ITEMS
                        + "' and a failed task's result is NetSuite's error body"
                    : ""));
  }

  private void logEnd(RecordWriteResult result, Map<String, Long> unwritten, StepContext context) {
    context
        .log()
        .info(
            (result.dryRun()
                    ? "Dry run of "
                        + result.total()
                        + ": "
                        + result.creates()
                        + " to create, "
                        + result.updates()
                        + " to update, "
                        + result.unchanged()
                        + " unchanged, "
                    : "Wrote " + result.written() + " of " + result.total() + ", ")
                + result.rejected()
                + " refused; per record in dataset "
                + result.records().dataset());
    if (!unwritten.isEmpty()) {
      context
          .log()
          .warn(
              "Not written to NetSuite: "
                  + new TreeMap<>(unwritten)
                  + " (records with a value). "
                  + mapping.unwrittenReason()
                  + ".");
    }
  }
}
