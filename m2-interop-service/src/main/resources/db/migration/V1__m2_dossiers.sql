-- M2 dossiers: the vendor's risk assessment, the criteria it requires, test-centre results and the history.
create table m2_dossier (
    id                             uuid primary key,
    app_id                         uuid          not null,
    organization_id                varchar(200)  not null,
    state                          varchar(20)   not null,
    processes_health_data          boolean       not null,
    identifies_patient             boolean       not null,
    exchanges_with_care_providers  boolean       not null,
    sends_data_to_third_parties    boolean       not null,
    authenticates_care_providers   boolean       not null,
    created_by                     varchar(200)  not null,
    created_at                     timestamptz   not null,
    updated_at                     timestamptz   not null,
    submitted_at                   timestamptz,
    decided_by                     varchar(200),
    decided_at                     timestamptz,
    decision_reason                varchar(2000),
    version                        bigint        not null
);
create index m2_dossier_organization on m2_dossier (organization_id, created_at);
create index m2_dossier_app on m2_dossier (app_id);
create index m2_dossier_queue on m2_dossier (state, submitted_at);

-- The criteria derived from the risk assessment (CriteriaRules), with the reason for each.
create table m2_required_criterion (
    dossier_id  uuid          not null references m2_dossier (id) on delete cascade,
    position    integer       not null,
    criterion   varchar(30)   not null,
    reason      varchar(2000) not null,
    primary key (dossier_id, position)
);

-- Every result a test centre recorded; a later one for the same criterion supersedes the earlier.
create table m2_test_result (
    id                uuid primary key,
    dossier_id        uuid          not null references m2_dossier (id),
    criterion         varchar(30)   not null,
    result            varchar(4)    not null,
    test_centre       varchar(200)  not null,
    tested_on         date          not null,
    report_reference  varchar(200)  not null,
    recorded_by       varchar(200)  not null,
    recorded_at       timestamptz   not null,
    superseded_by     uuid references m2_test_result (id) deferrable initially deferred,
    superseded_at     timestamptz
);
create index m2_test_result_dossier on m2_test_result (dossier_id, criterion, recorded_at);
create unique index m2_test_result_current on m2_test_result (dossier_id, criterion) where superseded_by is null;

-- Who did what to a dossier, when and why.
create table m2_dossier_event (
    sequence    bigint generated always as identity primary key,
    dossier_id  uuid          not null references m2_dossier (id),
    action      varchar(30)   not null,
    from_state  varchar(20),
    to_state    varchar(20)   not null,
    actor       varchar(200)  not null,
    at          timestamptz   not null,
    reason      varchar(2000)
);
create index m2_dossier_event_dossier on m2_dossier_event (dossier_id, sequence);
