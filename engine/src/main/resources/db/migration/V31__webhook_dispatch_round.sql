-- Each dispatch of an event starts its flows at most once: the start is keyed by the event, the route and this round,
-- which a replay (the operator asking for the flows to run again) moves on.
alter table webhook_inbox add column dispatch_round int not null default 0;
