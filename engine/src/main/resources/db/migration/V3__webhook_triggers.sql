-- Webhook triggers: how a request is verified and which flows it starts.
create table webhook_trigger (
  id                  text        primary key,
  tenant_id           text        not null,
  name                text        not null,
  secret              text        not null,   -- encrypted at rest by the connections/security issue; never returned after creation
  previous_secret     text,                   -- still verifies until previous_secret_until (rotation grace)
  previous_secret_until timestamptz,
  signature           jsonb       not null,   -- the scheme: hmac | timestamped | makini, and its options
  event_id            text,                   -- header:<name> | pointer:<json pointer>; null: a hash of the body
  routes              jsonb       not null,   -- [{condition, flowId, variables}]
  match_all           boolean     not null default false,
  max_body_bytes      int         not null default 1048576,
  created_at          timestamptz not null default now()
);

-- The durable inbox: a verified request is stored here, in one transaction, before it is acknowledged.
create table webhook_inbox (
  id              uuid        primary key,
  trigger_id      text        not null references webhook_trigger (id) on delete cascade,
  event_id        text        not null,
  received_at     timestamptz not null default now(),
  headers         jsonb       not null,
  query           jsonb       not null,
  body            bytea       not null,
  status          text        not null,   -- pending | dispatched | no_match | dead
  attempts        int         not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  run_ids         jsonb,
  unique (trigger_id, event_id)
);
create index webhook_inbox_pending on webhook_inbox (next_attempt_at) where status = 'pending';
