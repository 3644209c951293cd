-- Envelope encryption: each tenant's data key, wrapped (AES-256-GCM) by the master key named in master_key_id.
create table tenant_key (
  tenant_id      text        primary key,
  wrapped_key    bytea       not null,
  master_key_id  text        not null,
  created_at     timestamptz not null default now(),
  rewrapped_at   timestamptz
);

-- Connections created through the API; credentials encrypted with the tenant's data key, never stored in clear.
create table connection (
  tenant_id    text        not null,
  name         text        not null,
  type         text        not null,
  settings     jsonb       not null,
  credentials  bytea       not null,   -- nonce || AES-256-GCM ciphertext of the credentials as JSON
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  primary key (tenant_id, name)
);
