-- A paused webhook trigger answers 503 with Retry-After and stores nothing; senders retry, so nothing is lost.
alter table webhook_trigger add column paused_at timestamptz;

-- A run's start variables, so it can be started again with the same input (issue 21: honest retry). Null for runs
-- started before, and for runs the engine started itself (a timer: no input).
alter table flow_run add column start_variables jsonb;

-- A flow whose schedules (timer start events) are paused: the engine's timers are suspended, and suspended again
-- after each deploy of the flow (a new version's timers start active).
create table paused_schedule (
  tenant_id text        not null,
  flow_id   text        not null,
  paused_at timestamptz not null default now(),
  primary key (tenant_id, flow_id)
);
