-- The registry's app records, their level grants (one row per app and level) and the level history.
create extension if not exists pg_trgm;

create table app (
    id                  uuid primary key,
    organization_id     varchar(200) not null,
    name_nl             varchar(120) not null,
    name_fr             varchar(120) not null,
    name_en             varchar(120) not null,
    name_de             varchar(120),
    summary_nl          varchar(500) not null,
    summary_fr          varchar(500) not null,
    summary_en          varchar(500) not null,
    summary_de          varchar(500),
    description         jsonb,
    category            varchar(40)  not null,
    target_users        text[]       not null,
    platforms           text[]       not null,
    website             varchar(500) not null,
    app_store_url       varchar(500),
    google_play_url     varchar(500),
    support_email       varchar(200) not null,
    support_phone       varchar(40),
    support_url         varchar(500),
    supported_languages text[]       not null,
    -- 'M1' < 'M2' < 'M3' as text, so "level desc" and "level >= :min" work on the column directly.
    effective_level     varchar(2),
    level_since         timestamptz,
    version             bigint       not null,
    created_at          timestamptz  not null,
    created_by          varchar(200) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(200) not null
);

-- A vendor's own apps.
create index app_owner on app (organization_id, name_en, id);

-- Catalog pages: listed apps in catalog order (level desc, then name in the chosen language).
create index app_catalog_nl on app (effective_level desc, name_nl, id) where effective_level is not null;
create index app_catalog_fr on app (effective_level desc, name_fr, id) where effective_level is not null;
create index app_catalog_en on app (effective_level desc, name_en, id) where effective_level is not null;
create index app_catalog_de on app (effective_level desc, coalesce(name_de, name_en), id)
    where effective_level is not null;

-- Catalog totals, filters and the per-level stats: index-only scans over the listed apps.
create index app_listed on app (category, effective_level) include (platforms, target_users)
    where effective_level is not null;

-- Text search (q) over name and summary per language: trigram indexes serve ILIKE '%q%'.
create index app_search_nl on app using gin ((name_nl || ' ' || summary_nl) gin_trgm_ops)
    where effective_level is not null;
create index app_search_fr on app using gin ((name_fr || ' ' || summary_fr) gin_trgm_ops)
    where effective_level is not null;
create index app_search_en on app using gin ((name_en || ' ' || summary_en) gin_trgm_ops)
    where effective_level is not null;
create index app_search_de on app using gin
    ((coalesce(name_de, name_en) || ' ' || coalesce(summary_de, summary_en)) gin_trgm_ops)
    where effective_level is not null;

-- Per app and level, the latest grant and whether it is still active, with its facts. No foreign key:
-- a grant for an app this registry does not know is kept (see README).
create table level_grant (
    app_id                  uuid         not null,
    level                   varchar(2)   not null,
    active                  boolean      not null,
    dossier_id              uuid,
    granted_at              timestamptz,
    granted_by              varchar(200),
    grant_event_id          varchar(100) not null,
    ended_at                timestamptz,
    ended_by                varchar(200),
    end_reason              varchar(1000),
    end_event_id            varchar(100),
    -- M1
    regulation              varchar(60),
    device_class            varchar(10),
    certificate_number      varchar(100),
    certificate_expires_on  date,
    -- M2
    criteria_met            text[],
    -- M3
    reimbursement_kind      varchar(20),
    nomenclature_code       varchar(40),
    amount                  numeric       ,
    unit                    varchar(40),
    start_date              date,
    end_date                date,
    updated_at              timestamptz  not null,
    primary key (app_id, level)
);

-- Every change of an app's effective level: from, to, the event that caused it, who and why, when.
create table level_change (
    id                bigint generated always as identity primary key,
    app_id            uuid          not null references app (id),
    from_level        varchar(2),
    to_level          varchar(2),
    cause_event_id    varchar(100)  not null,
    cause_event_type  varchar(200)  not null,
    actor             varchar(200)  not null,
    reason            varchar(1000) not null,
    changed_at        timestamptz   not null
);
create index level_change_app on level_change (app_id, id);
