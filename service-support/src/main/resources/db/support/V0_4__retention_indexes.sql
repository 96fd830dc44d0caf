-- The retention purge (README "Retention") finds old rows by these, in small batches.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_age on processed_event (processed_at);
create index idempotency_record_age on idempotency_record (created_at);
