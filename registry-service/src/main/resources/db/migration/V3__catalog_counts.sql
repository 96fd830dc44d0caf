-- Catalog pages of one category (the portals' main facet) in catalog order: without these, a category with other
-- filters is read through app_listed and sorted (some 5,000 rows at 100,000 apps) instead of walked.
create index app_catalog_category_nl on app (category, effective_level desc, name_nl, id) where effective_level is not null;
create index app_catalog_category_fr on app (category, effective_level desc, name_fr, id) where effective_level is not null;
create index app_catalog_category_en on app (category, effective_level desc, name_en, id) where effective_level is not null;
create index app_catalog_category_de on app (category, effective_level desc, coalesce(name_de, name_en), id)
    where effective_level is not null;

-- The catalog's totals and facet counts, kept exact by triggers in the transaction of every change to app, and a
-- revision that moves with every change a public catalog read can show (the ETag of catalog and stats responses).

-- Listed apps per combination of the facets: at most 3 levels x 12 categories x 7 platform sets x 3 target-user
-- sets rows, whatever the number of apps. Any filter's total and facet counts are sums over these rows.
create table catalog_cell (
    effective_level varchar(2)  not null,
    category        varchar(40) not null,
    platforms       text[]      not null,
    target_users    text[]      not null,
    apps            bigint      not null,
    primary key (effective_level, category, platforms, target_users)
);

-- One row. Writers lock it (in the trigger) until they commit, so revisions follow commit order.
create table catalog_revision (
    id         boolean     primary key default true check (id),
    revision   bigint      not null,
    changed_at timestamptz not null
);
insert into catalog_revision (revision, changed_at) values (1, now());

insert into catalog_cell (effective_level, category, platforms, target_users, apps)
select effective_level, category, platforms, target_users, count(*)
from app where effective_level is not null
group by effective_level, category, platforms, target_users;

create function catalog_bump_revision() returns void language sql as $$
    update catalog_revision set revision = revision + 1, changed_at = clock_timestamp()
$$;

-- Statement-level, with transition tables: a bulk insert of 100,000 apps updates each cell once.
create function catalog_app_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from new_rows where effective_level is not null) then
            return null;
        end if;
        insert into catalog_cell as c (effective_level, category, platforms, target_users, apps)
        select effective_level, category, platforms, target_users, count(*)
        from new_rows where effective_level is not null
        group by effective_level, category, platforms, target_users
        on conflict (effective_level, category, platforms, target_users) do update set apps = c.apps + excluded.apps;
    elsif tg_op = 'DELETE' then
        if not exists (select 1 from old_rows where effective_level is not null) then
            return null;
        end if;
        update catalog_cell c set apps = c.apps - d.n
        from (select effective_level, category, platforms, target_users, count(*) n
              from old_rows where effective_level is not null
              group by effective_level, category, platforms, target_users) d
        where (c.effective_level, c.category, c.platforms, c.target_users)
            = (d.effective_level, d.category, d.platforms, d.target_users);
    else
        if not exists (select 1 from new_rows where effective_level is not null)
                and not exists (select 1 from old_rows where effective_level is not null) then
            return null;
        end if;
        insert into catalog_cell as c (effective_level, category, platforms, target_users, apps)
        select effective_level, category, platforms, target_users, sum(n)
        from (select effective_level, category, platforms, target_users, 1 n
              from new_rows where effective_level is not null
              union all
              select effective_level, category, platforms, target_users, -1
              from old_rows where effective_level is not null) d
        group by effective_level, category, platforms, target_users
        having sum(n) <> 0
        on conflict (effective_level, category, platforms, target_users) do update set apps = c.apps + excluded.apps;
    end if;
    -- Any change to a listed (or formerly listed) app can change what a catalog read shows.
    perform catalog_bump_revision();
    return null;
end
$$;

create trigger app_catalog_insert after insert on app referencing new table as new_rows
    for each statement execute function catalog_app_changed();
create trigger app_catalog_update after update on app referencing old table as old_rows new table as new_rows
    for each statement execute function catalog_app_changed();
create trigger app_catalog_delete after delete on app referencing old table as old_rows
    for each statement execute function catalog_app_changed();

-- Grants carry the level facts that catalog items show.
create function catalog_grant_changed() returns trigger language plpgsql as $$
begin
    perform catalog_bump_revision();
    return null;
end
$$;

create trigger level_grant_catalog after insert or update or delete on level_grant
    for each statement execute function catalog_grant_changed();
