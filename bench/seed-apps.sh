#!/usr/bin/env bash
# Adds N app records (default 100,000) straight into the registry database of a running platform, with the data
# shape of CatalogPlanTest: 60 % listed (M1 30 %, M2 20 %, M3 10 %) with their active level grants, 12 categories,
# three platform mixes, a quarter with German texts, a ~500-character description each. One INSERT ... SELECT per
# table (the catalog-count triggers run once per statement), then VACUUM ANALYZE as autovacuum would.
#   bench/seed-apps.sh [N]     uses PYRAMID_PG_PORT (default 5433) and PYRAMID_STATE_DIR like ./pyramid
# The rows belong to organization 'bench-seed'; `bench/seed-apps.sh 0` removes them again.
set -euo pipefail
N="${1:-100000}"
PG_PORT="${PYRAMID_PG_PORT:-5433}"
PSQL="$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n1)"
sql() { PGPASSWORD=registry "$PSQL" -q -h localhost -p "$PG_PORT" -U registry -d registry -v ON_ERROR_STOP=1 "$@"; }

if [ "$N" = 0 ]; then
  sql -c "delete from level_grant where app_id in (select id from app where organization_id = 'bench-seed')" \
      -c "delete from app where organization_id = 'bench-seed'" -c "vacuum analyze app"
  echo "seed-apps: removed the seeded apps"
  exit 0
fi

start=$(date +%s.%N)
sql -v n="$N" <<'SQL'
begin;
create temporary table seed on commit drop as
select gen_random_uuid() as id, i,
       case when i % 10 < 4 then null when i % 10 < 7 then 'M1' when i % 10 < 9 then 'M2' else 'M3' end as level
from generate_series(1, :n) i;

insert into app (id, organization_id, name_nl, name_fr, name_en, name_de, summary_nl, summary_fr, summary_en, summary_de,
    description, category, target_users, platforms, website, support_email, supported_languages, effective_level,
    level_since, version, created_at, created_by, updated_at, updated_by)
select id, 'bench-seed',
    w.word || ' ' || left(md5(i::text), 8), w.word || ' ' || left(md5(i::text), 8), w.word || ' ' || left(md5(i::text), 8),
    case when i % 4 = 0 then w.word || ' ' || left(md5(i::text), 8) end,
    'Helpt bij ' || left(md5((-i)::text), 10), 'Aide pour ' || left(md5((-i)::text), 10),
    'Helps with ' || left(md5((-i)::text), 10), case when i % 4 = 0 then 'Hilft bei ' || left(md5((-i)::text), 10) end,
    jsonb_build_object('en', 'App ' || i || ' helps patients. ' || repeat('Lorem ipsum dolor sit amet. ', 18)),
    (array['CARDIOLOGY','DIABETES','MENTAL_HEALTH','ONCOLOGY','RESPIRATORY','REHABILITATION',
           'NEUROLOGY','MUSCULOSKELETAL','PREGNANCY','SLEEP','PREVENTION','OTHER'])[1 + i % 12],
    case when i % 3 = 0 then array['HEALTHCARE_PROFESSIONAL','PATIENT'] else array['PATIENT'] end,
    case i % 3 when 0 then array['ANDROID','IOS'] when 1 then array['ANDROID'] else array['WEB'] end,
    'https://seed.example.be/' || i, 'support@seed.example.be', array['fr','nl'], level,
    case when level is not null then now() end, 0, now(), 'bench-seed', now(), 'bench-seed'
from seed
cross join lateral (select (array['Care','Health','Cardio','Gluco','Mind','Breathe','Rehab','Neuro','Move','Baby',
    'Sleep','Vital'])[1 + (i / 12) % 12] as word) w;

insert into level_grant (app_id, level, active, dossier_id, granted_at, granted_by, grant_event_id, regulation,
    device_class, certificate_number, certificate_expires_on, criteria_met, reimbursement_kind, nomenclature_code,
    amount, unit, start_date, end_date, updated_at)
select s.id, l.level, true, gen_random_uuid(), now(), 'bench-seed', gen_random_uuid()::text,
    case when l.level = 'M1' then 'MDR 2017/745' end, case when l.level = 'M1' then 'IIa' end,
    case when l.level = 'M1' then 'CE-' || left(md5(s.i::text), 8) end,
    case when l.level = 'M1' then current_date + 700 + s.i % 365 end,
    case when l.level = 'M2' then array['AUTHENTICATION','SECURITY'] end,
    case when l.level = 'M3' then 'TEMPORARY' end, case when l.level = 'M3' then '790012' end,
    case when l.level = 'M3' then 45.50 end, case when l.level = 'M3' then 'per patient per month' end,
    case when l.level = 'M3' then current_date end, case when l.level = 'M3' then current_date + 730 end, now()
from seed s
join (values ('M1'), ('M2'), ('M3')) l(level) on s.level is not null and l.level <= s.level;
commit;
vacuum analyze app;
vacuum analyze level_grant;
SQL
end=$(date +%s.%N)
printf "seed-apps: added %d apps in %s s; listed now: " "$N" "$(awk -v a="$start" -v b="$end" "BEGIN { printf \"%.1f\", b - a }")"
sql -tAc "select count(*) from app where effective_level is not null"
