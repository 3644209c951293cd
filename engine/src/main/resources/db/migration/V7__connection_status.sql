-- Connection health: the last check of each connection a tenant's steps can use, and when to check again.
create table connection_status (
  tenant_id            text        not null,
  name                 text        not null,
  status               text        not null,   -- online | offline | reauth_required | unknown
  problem              text,                   -- the ConnectionProblem of the last failed check
  last_error           text,
  last_check           timestamptz,
  consecutive_failures int         not null default 0,
  next_check_at        timestamptz not null default now(),
  primary key (tenant_id, name)
);

-- Which settings and credentials the status was found with (a keyed hash, never the values): a reauth_required status
-- stops steps only while the connection still has those credentials.
alter table connection_status add column fingerprint text;
