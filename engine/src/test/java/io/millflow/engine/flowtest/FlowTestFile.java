package io.millflow.engine.flowtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code <flowId>.test.yaml}: the flow it tests (the {@code <flowId>.bpmn} next to it), text
 * replacements made in a copy of that flow before it is deployed (e.g. a sink the runner cannot
 * reach swapped for one it can), and the named cases. docs/flow-tests.md describes the format.
 */
record FlowTestFile(
    Path source, String flowId, Path bpmn, List<Replacement> replacements, List<Case> cases) {

  /** Every {@code text} in the flow becomes {@code with}. */
  record Replacement(String text, String with) {}

  /**
   * One case: its sandbox preparation, the runs before the checked one (to give the flow a cursor),
   * and what the checked run must end with.
   */
  record Case(
      String name,
      List<GivenSql> given,
      Map<String, Object> variables,
      int runsBefore,
      List<SandboxCall> sandbox,
      Expectation expect) {}

  /**
   * SQL statements run, in order, against the database of a PostgreSQL or MySQL connection before
   * the case's flow is deployed (e.g. to fill the table a flow reads).
   */
  record GivenSql(String connection, List<String> statements) {}

  /**
   * A POST of {@code body} to {@code <sandbox base URL>/_sandbox/<endpoint>} of the sandbox that
   * offers {@code connection}, made after the runs before and just before the checked run (faults,
   * touch, tokens, downtime). Text values may hold {@link CursorPlaceholders cursor placeholders}.
   */
  record SandboxCall(String connection, String endpoint, Map<String, Object> body) {}

  /**
   * What the checked run must end with; null or empty parts are not checked.
   *
   * @param ledger the run ledger's counts of its one path (read, mapped, inserted, ...)
   * @param attempts the attempts per BPMN element id (3 after two retried failures)
   * @param events the types of the outbound events the run emitted, in order
   * @param connectionEvents the types of the {@code connection.*} events about the connections the
   *     case names, emitted from its sandbox calls to the checked run's end, in order
   * @param records the records steps of the run wrote into their output datasets
   */
  record Expectation(
      String status,
      Map<String, Object> ledger,
      Map<String, Integer> attempts,
      List<Sink> sinks,
      List<String> events,
      List<String> connectionEvents,
      List<StepRecords> records) {}

  /**
   * A table, collection or file of a sink connection, emptied before the case: how many rows or
   * documents it holds after the run, and rows it must hold (only the columns given are compared).
   * A Plex sink is a list resource read through Plex's API under {@code filter}, Plex's own query
   * parameters ({@link PlexRecords}).
   */
  record Sink(
      String connection,
      String table,
      Map<String, String> filter,
      Integer count,
      List<Map<String, Object>> rows) {

    String label() {
      return connection + "/" + table + (filter.isEmpty() ? "" : "?" + filter);
    }
  }

  /**
   * The records the step of a BPMN element wrote into the dataset its output holds (a dry run's
   * diff, a write's outcomes): how many, and rows that must be among them.
   */
  record StepRecords(String element, Integer count, List<Map<String, Object>> rows) {

    String label() {
      return "records of " + element;
    }
  }
}
