-- M3 reimbursement dossiers (NIHDI procedure) and their transition history.
create table reimbursement_dossier (
    id                          uuid primary key,
    app_id                      uuid          not null,
    organization_id             varchar(200)  not null,
    state                       varchar(40)   not null,
    care_pathway                jsonb         not null,
    clinical_evidence           jsonb         not null,
    budget_impact_per_year      numeric(14,2) not null,
    cost_effectiveness          text,
    requested_amount            numeric(14,2) not null,
    requested_unit              varchar(40)   not null,
    requested_months            integer       not null,
    created_by                  varchar(200)  not null,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    submitted_at                timestamptz,
    -- the statutory clocks, in calendar days (see ReimbursementDossier)
    submitted_on                date,
    evaluation_started_on       date,
    evaluation_days             integer       not null,
    clock_stopped_days          integer       not null,
    clarification_requested_on  date,
    due_on                      date,
    -- the decision
    nomenclature_code           varchar(20),
    granted_amount              numeric(14,2),
    granted_unit                varchar(40),
    reimbursement_start         date,
    reimbursement_end           date,
    decided_by                  varchar(200),
    decided_at                  timestamptz,
    ended_on                    date,
    version                     bigint        not null
);
create index reimbursement_dossier_org on reimbursement_dossier (organization_id, created_at);
create index reimbursement_dossier_queue on reimbursement_dossier (state, due_on);
-- one procedure per app at a time: a new dossier only once the previous one is closed
create unique index reimbursement_dossier_one_open_per_app on reimbursement_dossier (app_id)
    where state not in ('WITHDRAWN', 'INADMISSIBLE', 'DECLINED', 'ENDED');

create table dossier_transition (
    id           bigint generated always as identity primary key,
    dossier_id   uuid          not null references reimbursement_dossier (id),
    action       varchar(40)   not null,
    from_state   varchar(40),
    to_state     varchar(40)   not null,
    actor        varchar(200)  not null,
    occurred_at  timestamptz   not null,
    reason       text          not null
);
create index dossier_transition_dossier on dossier_transition (dossier_id, id);
