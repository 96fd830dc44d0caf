-- A level service's event-fed copy of the registry's apps (owner and effective level).
create table app_copy (
    app_id           uuid primary key,
    organization_id  varchar(200) not null,
    effective_level  varchar(2),
    updated_at       timestamptz  not null
);
