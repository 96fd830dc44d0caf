-- After the first grant: app versions, market withdrawal, and the public record of delisted apps.

-- Versions a vendor declared, newest last (seq). Each is newer than the one before (the service checks the order).
create table app_version (
    id                  uuid primary key,
    seq                 bigint generated always as identity,
    app_id              uuid          not null references app (id),
    version             varchar(50)   not null,
    released_on         date          not null,
    release_notes_nl    varchar(4000) not null,
    release_notes_fr    varchar(4000) not null,
    release_notes_en    varchar(4000) not null,
    release_notes_de    varchar(4000),
    significant_changes text[]        not null,
    declared_at         timestamptz   not null,
    declared_by         varchar(255)  not null,
    unique (app_id, version)
);
create index app_version_app on app_version (app_id, seq);

alter table app
    add column current_version_id  uuid references app_version (id),
    -- Formerly listed and now without a level: since when and the public reason category (null while listed, and for
    -- apps that were never listed, which stay private).
    add column delisted_at         timestamptz,
    add column delisting_reason    varchar(40),
    -- Taken off the market by its vendor: it stays without a level whatever decisions arrive later.
    add column withdrawn_at        timestamptz,
    add column withdrawn_by        varchar(255),
    add column withdrawal_category varchar(40),
    add column withdrawal_reason   varchar(2000),
    add constraint app_listed_or_delisted check (effective_level is null or delisted_at is null),
    add constraint app_withdrawn_has_no_level check (withdrawn_at is null or effective_level is null);

-- History rows that took an app out of the catalog carry the public reason category; a withdrawal's row its category.
alter table level_change
    add column delisting_reason    varchar(40),
    add column withdrawal_category varchar(40);

update level_change set delisting_reason = case cause_event_type
        when 'be.mhealth.pyramid.m1.expired.v1' then 'CERTIFICATE_EXPIRED'
        when 'be.mhealth.pyramid.m1.revoked.v1' then 'M1_REVOKED'
        else 'OTHER' end
    where to_level is null;

-- Catalog counts for ?include=delisted: delisted apps are cells with no level. (PostgreSQL 15+: nulls not distinct.)
alter table catalog_cell drop constraint catalog_cell_pkey;
alter table catalog_cell alter column effective_level drop not null;
alter table catalog_cell add constraint catalog_cell_key
    unique nulls not distinct (effective_level, category, platforms, target_users);

-- The catalog's apps: listed ones, and (counted apart, as cells without a level) delisted ones.
create or replace function catalog_app_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from new_rows where effective_level is not null or delisted_at is not null) then
            return null;
        end if;
        insert into catalog_cell as c (effective_level, category, platforms, target_users, apps)
        select effective_level, category, platforms, target_users, count(*)
        from new_rows where effective_level is not null or delisted_at is not null
        group by effective_level, category, platforms, target_users
        on conflict (effective_level, category, platforms, target_users) do update set apps = c.apps + excluded.apps;
    elsif tg_op = 'DELETE' then
        if not exists (select 1 from old_rows where effective_level is not null or delisted_at is not null) then
            return null;
        end if;
        update catalog_cell c set apps = c.apps - d.n
        from (select effective_level, category, platforms, target_users, count(*) n
              from old_rows where effective_level is not null or delisted_at is not null
              group by effective_level, category, platforms, target_users) d
        where c.effective_level is not distinct from d.effective_level and c.category = d.category
            and c.platforms = d.platforms and c.target_users = d.target_users;
    else
        if not exists (select 1 from new_rows where effective_level is not null or delisted_at is not null)
                and not exists (select 1 from old_rows where effective_level is not null or delisted_at is not null) then
            return null;
        end if;
        insert into catalog_cell as c (effective_level, category, platforms, target_users, apps)
        select effective_level, category, platforms, target_users, sum(n)
        from (select effective_level, category, platforms, target_users, 1 n
              from new_rows where effective_level is not null or delisted_at is not null
              union all
              select effective_level, category, platforms, target_users, -1
              from old_rows where effective_level is not null or delisted_at is not null) d
        group by effective_level, category, platforms, target_users
        having sum(n) <> 0
        on conflict (effective_level, category, platforms, target_users) do update set apps = c.apps + excluded.apps;
    end if;
    -- Any change to a listed or delisted app can change what a catalog read shows.
    perform catalog_bump_revision();
    return null;
end
$$;

-- Apps delisted before this migration: the latest history row took them out (the trigger above counts them).
update app a set delisted_at = c.changed_at, delisting_reason = c.delisting_reason
from (select distinct on (app_id) app_id, to_level, changed_at, delisting_reason
      from level_change order by app_id, id desc) c
where c.app_id = a.id and a.effective_level is null and c.to_level is null;

-- Catalog pages with ?include=delisted: the delisted apps by name per language, after the listed ones.
create index app_delisted_nl on app (name_nl, id) where effective_level is null and delisted_at is not null;
create index app_delisted_fr on app (name_fr, id) where effective_level is null and delisted_at is not null;
create index app_delisted_en on app (name_en, id) where effective_level is null and delisted_at is not null;
create index app_delisted_de on app (coalesce(name_de, name_en), id)
    where effective_level is null and delisted_at is not null;
-- Text search (q) over the delisted apps, as app_search_<lang> serves the listed ones.
create index app_delisted_search_nl on app using gin ((name_nl || ' ' || summary_nl) gin_trgm_ops)
    where effective_level is null and delisted_at is not null;
create index app_delisted_search_fr on app using gin ((name_fr || ' ' || summary_fr) gin_trgm_ops)
    where effective_level is null and delisted_at is not null;
create index app_delisted_search_en on app using gin ((name_en || ' ' || summary_en) gin_trgm_ops)
    where effective_level is null and delisted_at is not null;
create index app_delisted_search_de on app using gin
    ((coalesce(name_de, name_en) || ' ' || coalesce(summary_de, summary_en)) gin_trgm_ops)
    where effective_level is null and delisted_at is not null;
