-- Events a consumer can never apply as they are (parked), and the later events of the same app (topic + key) held
-- behind them, until an operator retries or discards them (README "Operating: parked events"). Written in the same
-- transaction that records the event as handled.
create table parked_event (
    id               bigint generated always as identity primary key,
    status           varchar(10)   not null check (status in ('PARKED', 'HELD', 'APPLIED', 'DISCARDED')),
    topic            varchar(249)  not null,
    kafka_partition  integer       not null,
    kafka_offset     bigint        not null,
    -- the record as it arrived: key, every header, the value's bytes
    record_key       text,
    headers          jsonb         not null,
    payload          bytea,
    event_id         text,
    event_type       text,
    -- why it could not be applied (null while it is only held behind another)
    error_class      text,
    error_message    text,
    attempts         integer       not null,
    -- a HELD event waits behind this one (the first unresolved event of its topic and key)
    blocked_by       bigint references parked_event (id) on delete set null,
    first_seen_at    timestamptz   not null,
    last_seen_at     timestamptz   not null,
    resolved_at      timestamptz,
    resolved_by      varchar(255),
    discard_reason   varchar(2000),
    unique (topic, kafka_partition, kafka_offset),
    check ((status in ('APPLIED', 'DISCARDED')) = (resolved_at is not null)),
    check ((status = 'DISCARDED') = (discard_reason is not null))
);
-- The first unresolved event of a topic and key (the one later events of that app are held behind).
create index parked_event_unresolved on parked_event (topic, md5(coalesce(record_key, '')), id)
    where status in ('PARKED', 'HELD');
create index parked_event_by_status on parked_event (status, id);
create index parked_event_resolved on parked_event (resolved_at) where status in ('APPLIED', 'DISCARDED');

-- Per topic partition, the highest offset this service has handled (applied, skipped as a duplicate, parked or held),
-- moved in the same transaction: a record at or below it is never handled again, even once its processed_event row
-- was purged and the consumer group's committed offsets expired (README "Events").
create table consumer_position (
    topic            varchar(249)  not null,
    kafka_partition  integer       not null,
    last_offset      bigint        not null,
    updated_at       timestamptz   not null,
    primary key (topic, kafka_partition)
);
