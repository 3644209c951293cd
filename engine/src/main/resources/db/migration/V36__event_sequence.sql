-- Outbound events carry a sequence number per source (a connection, a flow), so that a subscriber can put the events
-- of one source in order however they arrive: the last number given per tenant and source.
create table event_source_sequence (
  tenant_id     text   not null,
  source        text   not null,
  last_sequence bigint not null,
  primary key (tenant_id, source)
);
