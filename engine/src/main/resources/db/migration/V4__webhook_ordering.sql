-- Out-of-order protection: per trigger and ordering key, the newest sequence dispatched so far.
alter table webhook_trigger add column ordering jsonb;

create table webhook_order (
  trigger_id     text    not null references webhook_trigger (id) on delete cascade,
  ordering_key   text    not null,
  last_sequence  text    not null,
  last_numeric   numeric,            -- set when the sequence is a number, compared numerically
  last_event_id  text    not null,   -- a retried dispatch of the same event is not stale against itself
  primary key (trigger_id, ordering_key)
);
