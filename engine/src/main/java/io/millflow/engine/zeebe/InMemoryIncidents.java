package io.millflow.engine.zeebe;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Open incidents of the in-memory engine, which has no query API: created minus resolved, from its record stream. */
final class InMemoryIncidents {

  private InMemoryIncidents() {}

  static List<Long> open(ZeebeTestEngine engine, long processInstanceKey) {
    Set<Long> open = new LinkedHashSet<>();
    StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.INCIDENT)
        .filter(r -> ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == processInstanceKey)
        .forEach(r -> apply(open, r));
    return List.copyOf(open);
  }

  private static void apply(Set<Long> open, Record<?> incident) {
    if (incident.getIntent() == IncidentIntent.CREATED) {
      open.add(incident.getKey());
    } else if (incident.getIntent() == IncidentIntent.RESOLVED) {
      open.remove(incident.getKey());
    }
  }
}
