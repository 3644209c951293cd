-- Flows as deployed through Millflow, versioned; the BPMN is kept so an in-memory engine can be redeployed on start.
create table flow (
  tenant_id      text        not null,
  id             text        not null,
  version        int         not null,
  name           text,
  origin         text        not null,   -- bundled | api
  bpmn           text        not null,
  deployed_at    timestamptz not null default now(),
  primary key (tenant_id, id, version)
);

-- One row per flow instance. engine_id tells instance keys of different engines apart
-- (an in-memory engine starts its keys again after every restart).
create table flow_run (
  id                   uuid        primary key,
  tenant_id            text        not null,
  engine_id            text        not null,
  process_instance_key bigint      not null,
  flow_id              text        not null,
  flow_version         int,
  status               text        not null,   -- running | completed | incident | failed
  started_by           text        not null,   -- api | engine (timer, message, or another start we did not see)
  started_at           timestamptz not null default now(),
  ended_at             timestamptz,
  error                text,
  unique (engine_id, process_instance_key)
);
create index flow_run_by_flow on flow_run (tenant_id, flow_id, started_at desc);
create index flow_run_by_start on flow_run (tenant_id, started_at desc);

-- One row per attempt of one step (one job activation).
create table step_run (
  id                  uuid        primary key,
  run_id              uuid        not null references flow_run (id) on delete cascade,
  element_id          text        not null,
  element_instance_key bigint     not null,
  step_type           text        not null,
  job_key             bigint      not null,
  attempt             int         not null,
  status              text        not null,   -- running | completed | retrying | failed | error_thrown
  started_at          timestamptz not null default now(),
  ended_at            timestamptz,
  records_in          bigint,
  records_out         bigint,
  progress_done       bigint,
  progress_total      bigint,
  input_summary       text,
  output_summary      text,
  error_code          text,
  error               text,
  error_detail        text    -- stack trace of a bug; kept here, never sent to Zeebe
);
create index step_run_by_run on step_run (run_id, started_at);

create table step_log (
  id          bigserial   primary key,
  step_run_id uuid        not null references step_run (id) on delete cascade,
  at          timestamptz not null default now(),
  level       text        not null,
  message     text        not null
);
create index step_log_by_step on step_log (step_run_id, id);

-- The claim-check store: records between steps, as gzip-compressed JSON-lines chunks.
create table dataset (
  id           uuid        primary key,
  tenant_id    text        not null,
  run_id       uuid        references flow_run (id) on delete set null,
  entity       text        not null,
  record_count bigint      not null default 0,
  status       text        not null,   -- writing | sealed
  created_at   timestamptz not null default now(),
  sealed_at    timestamptz
);
create index dataset_by_run on dataset (run_id);

create table dataset_chunk (
  dataset_id   uuid  not null references dataset (id) on delete cascade,
  seq          int   not null,
  record_count int   not null,
  data         bytea not null,
  primary key (dataset_id, seq)
);
