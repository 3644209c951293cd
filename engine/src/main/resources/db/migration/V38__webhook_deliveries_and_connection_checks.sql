-- Issue 21 (webhooks): per delivery, every header received (credentials and the signature masked) and how each route
-- was evaluated; and the requests a trigger refused, with their answer and reason, never their bodies (bounded per
-- trigger by the runtime, purged with the inbox's handled events).
alter table webhook_inbox add column received_headers jsonb;
alter table webhook_inbox add column route_results jsonb;

create table webhook_rejection (
  id          bigserial   primary key,
  trigger_id  text        not null references webhook_trigger (id) on delete cascade,
  received_at timestamptz not null default now(),
  status      int         not null,
  reason      text        not null
);
create index webhook_rejection_by_trigger on webhook_rejection (trigger_id, id desc);

-- Issue 21 (connection page): each check of a connection, newest kept (bounded per connection by the runtime).
create table connection_check (
  id         bigserial   primary key,
  tenant_id  text        not null,
  name       text        not null,
  checked_at timestamptz not null,
  status     text        not null,
  problem    text,
  error      text
);
create index connection_check_by_connection on connection_check (tenant_id, name, id desc);

-- Issue 21 (operations): a disabled flow starts no new run (its schedules are paused with it; its trigger routes skip
-- it, saying so); enabled again, it starts runs and its schedules run again.
create table disabled_flow (
  tenant_id   text        not null,
  flow_id     text        not null,
  disabled_at timestamptz not null default now(),
  primary key (tenant_id, flow_id)
);
