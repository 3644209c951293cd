-- Runs started to read something other than the changes since the committed cursor: a backfill over a past window
-- (its cursors are never committed) or a refresh from the start. The API records the request before it starts the run
-- and hands its id to the run as a variable; the run's source steps bind it to their run (run_id) and read as it says.
create table sync_run (
  id           uuid        primary key,
  tenant_id    text        not null,
  flow_id      text        not null,
  kind         text        not null check (kind in ('backfill', 'refresh')),
  window_from  timestamptz,
  window_to    timestamptz,
  run_id       uuid        unique references flow_run (id) on delete cascade,
  requested_at timestamptz not null default now(),
  check (kind <> 'backfill' or (window_from is not null and window_to is not null and window_from < window_to))
);
