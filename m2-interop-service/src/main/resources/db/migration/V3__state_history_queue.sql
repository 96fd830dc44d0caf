-- The vocabulary shared by the three level services (issue 14): history lines go from one state to another by an
-- UPPER_SNAKE action and say what kind of actor moved them; the review queue orders by the last submission; who
-- acted is kept at the length Keycloak allows (event-contracts Limits.ACTOR = 255).

alter table m2_dossier add constraint m2_dossier_state_check check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW',
    'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED'));
alter table m2_dossier alter column created_by type varchar(255);
alter table m2_dossier alter column decided_by type varchar(255);
alter table m2_test_result alter column recorded_by type varchar(255);

-- The history: m2_dossier_event becomes m2_dossier_transition, shaped like every level's.
alter table m2_dossier_event rename to m2_dossier_transition;
alter table m2_dossier_transition rename column sequence to id;
alter table m2_dossier_transition rename column at to occurred_at;
alter table m2_dossier_transition rename constraint m2_dossier_event_pkey to m2_dossier_transition_pkey;
alter table m2_dossier_transition rename constraint m2_dossier_event_dossier_id_fkey
    to m2_dossier_transition_dossier_id_fkey;
alter index m2_dossier_event_dossier rename to m2_dossier_transition_dossier;
alter table m2_dossier_transition alter column actor type varchar(255);
alter table m2_dossier_transition alter column to_state type varchar(40);
alter table m2_dossier_transition alter column from_state type varchar(40);
alter table m2_dossier_transition alter column action type varchar(40);

-- A revision of the risk assessment ('update') was a line of its own; it is not a transition (the state does not
-- change; the dossier's updated_at keeps the last one), as in every level.
delete from m2_dossier_transition where action = 'update';
update m2_dossier_transition set action = upper(replace(action, '-', '_'));
alter table m2_dossier_transition add constraint m2_dossier_transition_action_check check (action in ('CREATE',
    'SUBMIT', 'START_REVIEW', 'REQUEST_INFO', 'APPROVE', 'REJECT', 'WITHDRAW', 'REVOKE'));

-- Who, as events carry it (never a name): the vendor or the eHealth platform.
alter table m2_dossier_transition add column acted_by varchar(20);
update m2_dossier_transition set acted_by = case
    when action in ('CREATE', 'SUBMIT', 'WITHDRAW') then 'VENDOR' else 'AUTHORITY' end;
alter table m2_dossier_transition alter column acted_by set not null;
alter table m2_dossier_transition add constraint m2_dossier_transition_acted_by_check
    check (acted_by in ('VENDOR', 'AUTHORITY', 'TEST_CENTRE', 'SYSTEM'));

-- Every line says why (the defaults the service now writes where nobody has to give a reason).
update m2_dossier_transition set reason = case action
    when 'CREATE' then 'dossier opened'
    when 'SUBMIT' then case when from_state = 'INFO_REQUESTED' then 're-submitted after the information request'
                            else 'submitted for review' end
    when 'START_REVIEW' then 'taken into review'
    when 'APPROVE' then 'approved'
    else 'not recorded' end
    where reason is null;
alter table m2_dossier_transition alter column reason set not null;

-- submitted_at stays the first submission (reviewers see a dossier from then on); waiting_since is the last one
-- (the queue's order).
alter table m2_dossier add column waiting_since timestamptz;
update m2_dossier d set waiting_since = (select max(t.occurred_at) from m2_dossier_transition t
                                         where t.dossier_id = d.id and t.action = 'SUBMIT')
    where submitted_at is not null;
update m2_dossier set waiting_since = submitted_at where submitted_at is not null and waiting_since is null;
drop index m2_dossier_queue;
create index m2_dossier_queue on m2_dossier (waiting_since, id) where state in ('SUBMITTED', 'IN_REVIEW');
-- The reviewers' list: submitted dossiers, newest first.
create index m2_dossier_submitted on m2_dossier (created_at) where submitted_at is not null;
