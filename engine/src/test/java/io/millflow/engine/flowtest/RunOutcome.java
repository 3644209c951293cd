package io.millflow.engine.flowtest;

import java.util.List;
import java.util.Map;

/**
 * What one checked run ended with, read back from the runtime and the sinks.
 *
 * @param error the run's error, shown with a failing case (null when it completed)
 * @param ledger the run ledger's paths
 * @param attempts the attempts per BPMN element id
 * @param sinks the rows of each expected sink, by {@link FlowTestFile.Sink#label()}
 * @param events the types of the events emitted for the run, in order
 * @param connectionEvents the types of the events about the case's connections, in order
 * @param records what each expected element wrote into its output dataset, by element id
 */
record RunOutcome(
    String status,
    String error,
    List<Map<String, Object>> ledger,
    Map<String, Integer> attempts,
    Map<String, List<Map<String, Object>>> sinks,
    List<String> events,
    List<String> connectionEvents,
    Map<String, WrittenRecords> records) {}
