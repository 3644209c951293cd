-- Outbound events: subscribers, and a durable outbox delivered with retries.
create table event_subscription (
  id           uuid        primary key,
  tenant_id    text        not null,
  url          text        not null,
  secret       text        not null,   -- signs deliveries; shown once at creation
  event_types  jsonb       not null,   -- ["sync.completed", ...]
  created_at   timestamptz not null default now()
);

create table event_outbox (
  id              uuid        primary key,   -- the event id the subscriber sees
  subscription_id uuid        not null references event_subscription (id) on delete cascade,
  type            text        not null,
  payload         jsonb       not null,
  status          text        not null,      -- pending | delivered | dead
  attempts        int         not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error      text,
  created_at      timestamptz not null default now(),
  delivered_at    timestamptz
);
create index event_outbox_due on event_outbox (next_attempt_at) where status = 'pending';

create table event_delivery_log (
  id          bigserial   primary key,
  event_id    uuid        not null references event_outbox (id) on delete cascade,
  attempt     int         not null,
  at          timestamptz not null default now(),
  status_code int,
  error       text,
  duration_ms bigint      not null
);
