-- Trace context (docs/operations.md): null while tracing is off.
-- The W3C traceparent of a run's trace, so that each attempt's span, on whichever instance and whenever it runs, is a
-- child of its run's (docs/operations.md). Null while tracing is off.
alter table flow_run add column trace_parent text;
-- And of an outbound event emitted in a run: sent on as the delivery's traceparent header.
alter table event_outbox add column trace_parent text;
