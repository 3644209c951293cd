-- Outbound events are delivered per subscription: a failing subscription backs off alone (probed with one event at a
-- time until one goes through), and a subscription's due events are claimed through an index of their own.
alter table event_subscription add column consecutive_failures int not null default 0;
alter table event_subscription add column retry_at timestamptz;   -- null: deliver now; else not before (a backoff)

create index event_outbox_pending_by_subscription on event_outbox (subscription_id, created_at) where status = 'pending';
drop index event_outbox_due;   -- events are no longer claimed across subscriptions by due time
