-- API tokens: only a SHA-256 of each token is kept; the token itself is shown once, when created.
create table api_token (
  id            uuid        primary key,
  tenant_id     text        not null,
  name          text        not null,
  role          text        not null,   -- viewer | operator | designer | admin
  token_hash    text        not null unique,
  created_by    uuid,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
create index api_token_by_tenant on api_token (tenant_id, created_at);

-- Who did what, when: written by the API, read by admins, never changed.
create table audit_log (
  id          bigserial   primary key,
  tenant_id   text        not null,
  at          timestamptz not null default now(),
  token_id    uuid,
  token_name  text,
  action      text        not null,
  resource    text        not null,
  outcome     int         not null    -- the HTTP status answered
);
create index audit_log_by_tenant on audit_log (tenant_id, at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- The process id a flow has in Zeebe: its own id for the installation's tenant, prefixed with the tenant for others,
-- so two tenants' flows of one id never meet in one engine.
alter table flow add column zeebe_process_id text;
update flow set zeebe_process_id = id;
alter table flow alter column zeebe_process_id set not null;
create index flow_by_zeebe_process on flow (zeebe_process_id);

-- Secrets flows refer to as {{secrets.NAME}}: sealed with the tenant's data key, resolved only in the worker, so the
-- value never enters Zeebe's variables or the BPMN.
create table flow_secret (
  tenant_id   text        not null,
  name        text        not null,
  value       text        not null,   -- enc:v1:<Base64 nonce+ciphertext>
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, name)
);
