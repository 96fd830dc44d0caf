-- Webhook subscriptions, and the delivery queue that is also the delivery log (README "Webhooks").
create table subscription (
    id                 uuid          primary key,
    owner_kind         varchar(10)   not null check (owner_kind in ('VENDOR', 'AUTHORITY')),
    -- a vendor's organization id (the contract's 200 characters), or the authority (FAMHP, EHEALTH, NIHDI, TEST_CENTRE)
    owner              varchar(200)  not null,
    level              varchar(2)    check (level in ('M1', 'M2', 'M3')),
    url                varchar(2000) not null,
    events             text[]        not null,
    description        varchar(500),
    status             varchar(10)   not null check (status in ('ACTIVE', 'PAUSED')),
    secret_ciphertext  varchar(500)  not null,
    paused_at          timestamptz,
    pause_reason       varchar(2000),
    paused_by          varchar(255),
    -- the first failed attempt since the last successful delivery (the automatic pause counts from it)
    failing_since      timestamptz,
    created_by         varchar(255)  not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null,
    check ((owner_kind = 'AUTHORITY') = (level is not null)),
    check ((status = 'PAUSED') = (paused_at is not null))
);
create index subscription_vendor on subscription (owner) where owner_kind = 'VENDOR';
create index subscription_authority on subscription (level) where owner_kind = 'AUTHORITY';
create index subscription_listing on subscription (owner_kind, owner, created_at, id);

create table delivery (
    id                    uuid          primary key,
    sequence              bigint        generated always as identity unique,
    subscription_id       uuid          not null references subscription (id) on delete cascade,
    -- the CloudEvents id (the contract's 100 characters); null for a ping
    event_id              varchar(100),
    event_type            varchar(100)  not null,
    app_id                uuid,
    body                  text          not null,
    status                varchar(10)   not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts              integer       not null default 0,
    next_attempt_at       timestamptz,
    retry_until           timestamptz   not null,
    -- claimed by a worker until then (an attempt in progress)
    locked_until          timestamptz,
    last_attempt_at       timestamptz,
    last_response_status  integer,
    last_error            varchar(1000),
    delivered_at          timestamptz,
    created_at            timestamptz   not null,
    unique (subscription_id, event_id),
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
-- The worker's due deliveries, an app's earlier pending one per subscription, a subscription's log, the purge.
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_app_order on delivery (subscription_id, app_id, sequence) where status = 'PENDING';
create index delivery_log on delivery (subscription_id, sequence);
create index delivery_done on delivery (created_at) where status <> 'PENDING';

-- Decision events for an app the local copy does not know yet (its registry event is still on its way): their vendor
-- deliveries are queued, in order, when the app arrives.
create table held_event (
    id           bigint        generated always as identity primary key,
    app_id       uuid          not null,
    event_id     varchar(100)  not null unique,
    event_type   varchar(100)  not null,
    body         text          not null,
    created_at   timestamptz   not null
);
create index held_event_app on held_event (app_id, id);
