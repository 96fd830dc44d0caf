-- Tables every Pyramid service uses (from service-support): the transactional outbox, the idempotent
-- consumer's processed events, and stored responses for Idempotency-Key retries.
create table outbox_event (
    sequence      bigint generated always as identity primary key,
    event_id      uuid         not null unique,
    topic         varchar(100) not null,
    type          varchar(200) not null,
    app_id        uuid         not null,
    payload       jsonb        not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (sequence) where published_at is null;

create table processed_event (
    event_id      varchar(100) primary key,
    type          varchar(200) not null,
    topic         varchar(100) not null,
    processed_at  timestamptz  not null
);

create table idempotency_record (
    caller               varchar(200) not null,
    idempotency_key      varchar(200) not null,
    request_fingerprint  varchar(300) not null,
    status               integer      not null,
    location             varchar(500),
    etag                 varchar(100),
    body                 jsonb,
    created_at           timestamptz  not null,
    primary key (caller, idempotency_key)
);
