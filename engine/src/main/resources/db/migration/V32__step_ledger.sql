-- The reconciliation ledger's rows: what each completed step attempt did with records, with the datasets it read and
-- wrote, from which the run's source-to-sink paths are found. One row per run and task (element instance): the
-- completed attempt's; a retried attempt replaces the row of the one before.
create table step_ledger (
  run_id               uuid        not null references flow_run (id) on delete cascade,
  element_instance_key text        not null,
  step_run_id          uuid        not null,
  element_id           text        not null,
  step_type            text        not null,
  contribution         jsonb       not null,
  recorded_at          timestamptz not null default now(),
  primary key (run_id, element_instance_key)
);
