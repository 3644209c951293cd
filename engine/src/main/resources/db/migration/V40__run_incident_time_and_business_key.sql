-- The runs list (issue 21, runs that scale): a run at an incident shows how long it ran until the incident, not a
-- clock that counts on (incident_at, cleared when the run goes on); a run can be found by its business key (the
-- API start's businessKey, or the event id of the webhook that started it) and filtered by who started it
-- (token:<name>, trigger:<name>, engine). Both filters are exact, so an index per tenant answers them.
alter table flow_run add column incident_at timestamptz;
alter table flow_run add column business_key text;

-- Runs at an incident now: the time their failed attempt ended.
update flow_run r set incident_at = coalesce(
    (select max(s.ended_at) from step_run s where s.run_id = r.id and s.status = 'failed'), r.started_at)
  where r.status = 'incident';

-- Webhook-started runs so far: the event id from the inbox entry that lists them.
update flow_run r set business_key = inbox.event_id
  from webhook_inbox inbox, jsonb_array_elements_text(inbox.run_ids) as started(run_id)
  where inbox.run_ids is not null and jsonb_typeof(inbox.run_ids) = 'array' and started.run_id = cast(r.id as text);

create index flow_run_by_business_key on flow_run (tenant_id, business_key) where business_key is not null;
create index flow_run_by_starter on flow_run (tenant_id, started_by, started_at desc);

-- The runs at an incident now, grouped by error for bulk retry: few of a tenant's runs, found without a scan.
create index flow_run_at_incident on flow_run (tenant_id) where status = 'incident';

-- One-time links that let the browser download a whole dataset by itself (issue 21, data preview): the ticket is
-- random (256 bits) and only its SHA-256 is kept; it opens one dataset of one run of one tenant, once, for a minute.
create table download_ticket (
  ticket_hash bytea       primary key,
  tenant_id   text        not null,
  run_id      uuid        not null references flow_run (id) on delete cascade,
  dataset     text        not null,
  format      text        not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index download_ticket_by_expiry on download_ticket (expires_at);
