-- Incremental sync cursors: per flow, task and connection, advanced only when a run completes.
create table sync_state (
  tenant_id   text        not null,
  flow_id     text        not null,
  element_id  text        not null,
  connection  text        not null,
  cursor      text        not null,
  run_id      uuid,
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, flow_id, element_id, connection)
);

-- Cursors a running run's read steps returned; committed into sync_state by the run's end, dropped with a failed run.
create table sync_cursor_staged (
  run_id      uuid        not null references flow_run (id) on delete cascade,
  element_id  text        not null,
  connection  text        not null,
  cursor      text        not null,
  staged_at   timestamptz not null default now(),
  primary key (run_id, element_id, connection)
);
