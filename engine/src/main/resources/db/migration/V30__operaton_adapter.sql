-- The embedded Operaton engine (io.millflow.engine.operaton); its own ACT_ tables are created by the engine itself.

-- Runs that completed, written in the engine's transaction when a root instance completes, and deleted once Millflow
-- recorded the end: an end is never lost while the engine committed it, and a crash before recording is handed over
-- at the next start. A claim (worker, until) keeps two Millflow instances from handing one end over twice.
create table operaton_run_end (
  instance_id   text primary key,
  process_id    text not null,
  ended_at      timestamptz not null default now(),
  claimed_by    text,
  claimed_until timestamptz
);

-- Messages held for their time to live, as Zeebe buffers them: one published before its catch event is reached
-- correlates when an instance arrives there; a message id already held is a duplicate and dropped. A message
-- correlates once per process (correlated_processes), as in Zeebe.
create table operaton_held_message (
  message_id           text primary key,
  name                 text not null,
  correlation_key      text not null,
  variables            text not null,
  expires_at           timestamptz not null,
  correlated_processes text[] not null default '{}',
  claimed_by           text,
  claimed_until        timestamptz
);
create index operaton_held_message_by_key on operaton_held_message (name, correlation_key);
create index operaton_held_message_by_expiry on operaton_held_message (expires_at);
