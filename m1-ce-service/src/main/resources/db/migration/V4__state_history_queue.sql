-- The vocabulary shared by the three level services (issue 14): a dossier has a state, its history lines go from one
-- state to another and say what kind of actor moved it, and the review queue orders by the last submission.

alter table dossier rename column status to state;
alter table dossier rename constraint dossier_status_check to dossier_state_check;
alter index dossier_one_open_per_app rename to dossier_one_open_or_granted_per_app;

alter table dossier_transition rename column from_status to from_state;
alter table dossier_transition rename column to_status to to_state;

-- Who, as events carry it (never a name): VENDOR, AUTHORITY or SYSTEM (the expiry job records the service's name).
alter table dossier_transition add column acted_by varchar(20);
update dossier_transition set acted_by = case
    when action in ('CREATE', 'SUBMIT', 'WITHDRAW') then 'VENDOR'
    when action = 'EXPIRE' and actor = 'm1-ce-service' then 'SYSTEM'
    else 'AUTHORITY' end;
alter table dossier_transition alter column acted_by set not null;
alter table dossier_transition add constraint dossier_transition_acted_by_check
    check (acted_by in ('VENDOR', 'AUTHORITY', 'TEST_CENTRE', 'SYSTEM'));

-- submitted_at was the last (re-)submission; it becomes the first one (FAMHP sees a dossier from then on), and
-- waiting_since the last one (the queue's order).
alter table dossier add column waiting_since timestamptz;
update dossier set waiting_since = submitted_at;
update dossier d set submitted_at = (select min(t.occurred_at) from dossier_transition t
                                     where t.dossier_id = d.id and t.action = 'SUBMIT')
    where submitted_at is not null;
drop index dossier_queue;
create index dossier_queue on dossier (waiting_since, id) where state in ('SUBMITTED', 'IN_REVIEW');
-- FAMHP's list: submitted dossiers, newest first.
create index dossier_submitted on dossier (created_at) where submitted_at is not null;
