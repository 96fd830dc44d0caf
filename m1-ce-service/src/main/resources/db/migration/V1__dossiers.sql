-- M1 dossiers (CE certificate + GDPR declaration), their history, and their PDF attachments.
create table dossier (
    id                  uuid primary key,
    app_id              uuid          not null,
    organization_id     varchar(200)  not null,
    status              varchar(20)   not null check (status in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED',
                                                  'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED', 'EXPIRED')),
    regulation          varchar(3)    not null check (regulation in ('MDR', 'MDD')),
    device_class        varchar(3)    not null check (device_class in ('I', 'Is', 'Im', 'Ir', 'IIa', 'IIb', 'III')),
    notified_body       varchar(4)    check (notified_body ~ '^[0-9]{4}$'),
    certificate_number  varchar(100)  not null,
    issued_on           date          not null,
    expires_on          date          not null,
    udi_di              varchar(100)  not null,
    intended_purpose    jsonb         not null,
    famhp_notification  varchar(100)  not null,
    dpo_contact         varchar(320)  not null,
    legal_basis         varchar(30)   not null,
    data_area           varchar(20)   not null,
    data_country        varchar(2),
    transfer_mechanism  varchar(40),
    privacy_policy_url  varchar(2000) not null,
    created_by          varchar(200)  not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    submitted_at        timestamptz,
    decided_by          varchar(200),
    decided_at          timestamptz,
    decision_reason     varchar(2000),
    version             bigint        not null,
    check (expires_on > issued_on)
);
-- At most one open dossier or active grant per app (the service also checks, under a lock on the app copy).
create unique index dossier_one_open_per_app on dossier (app_id)
    where status in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'APPROVED');
create index dossier_by_organization on dossier (organization_id, created_at);
create index dossier_queue on dossier (submitted_at) where status in ('SUBMITTED', 'IN_REVIEW');
create index dossier_active_grant_expiry on dossier (expires_on) where status = 'APPROVED';

create table dossier_transition (
    id           bigint generated always as identity primary key,
    dossier_id   uuid          not null references dossier (id),
    from_status  varchar(20),
    to_status    varchar(20)   not null,
    action       varchar(20)   not null,
    actor        varchar(200)  not null,
    occurred_at  timestamptz   not null,
    reason       varchar(2000) not null
);
create index dossier_transition_by_dossier on dossier_transition (dossier_id, occurred_at);

create table dossier_attachment (
    id            uuid primary key,
    dossier_id    uuid          not null references dossier (id),
    kind          varchar(30)   not null check (kind in ('CE_CERTIFICATE', 'DECLARATION_OF_CONFORMITY')),
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null check (size_bytes > 0),
    sha256        char(64)      not null,
    uploaded_by   varchar(200)  not null,
    uploaded_at   timestamptz   not null
);
create index dossier_attachment_by_dossier on dossier_attachment (dossier_id, uploaded_at);

create table dossier_attachment_content (
    attachment_id  uuid primary key references dossier_attachment (id),
    content        bytea not null
);
