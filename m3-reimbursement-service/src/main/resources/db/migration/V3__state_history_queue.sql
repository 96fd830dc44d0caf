-- The vocabulary shared by the three level services (issue 14): the aggregate's table is `dossier` as in M1 and M2,
-- history lines carry an UPPER_SNAKE action of M3DossierAction and the kind of actor, and the review queue orders by
-- the running step's due date, then by the last time the dossier came (back) to NIHDI.

alter table reimbursement_dossier rename to dossier;
alter table dossier rename constraint reimbursement_dossier_pkey to dossier_pkey;
alter index reimbursement_dossier_org rename to dossier_org;
alter index reimbursement_dossier_one_open_per_app rename to dossier_one_open_per_app;
alter table dossier add constraint dossier_state_check check (state in ('DRAFT', 'SUBMITTED', 'IN_EVALUATION',
    'CLARIFICATION_REQUESTED', 'INADMISSIBLE', 'APPROVED_TEMPORARY', 'APPROVED_DEFINITIVE', 'DECLINED', 'WITHDRAWN',
    'ENDED'));

-- Who decided or acted is a Keycloak user name or client id: event-contracts' Limits.ACTOR (255).
alter table dossier alter column created_by type varchar(255);
alter table dossier alter column decided_by type varchar(255);
alter table dossier_transition alter column actor type varchar(255);

-- A revision of the evidence is not a transition (as in M1): its lines leave the history; updated_at keeps the last.
delete from dossier_transition where action = 'UPDATE';

-- The procedure's outcomes and the clock job's lines become the actions of M3DossierAction; END (a later decision
-- that ends an approved reimbursement) is now POST …/revocation, action REVOKE.
update dossier_transition set action = case action
    when 'ADMISSIBLE' then 'DECLARE_ADMISSIBLE'
    when 'INADMISSIBLE' then 'DECLARE_INADMISSIBLE'
    when 'EXTENSION' then 'EXTEND_EVALUATION'
    when 'CLARIFICATION_REQUESTED' then 'REQUEST_CLARIFICATION'
    when 'CLARIFICATION_LAPSED' then 'LAPSE_CLARIFICATION'
    when 'APPROVED_TEMPORARY' then 'APPROVE_TEMPORARY'
    when 'APPROVED_DEFINITIVE' then 'APPROVE_DEFINITIVE'
    when 'DECLINED' then 'DECLINE'
    when 'END' then 'REVOKE'
    when 'TEMPORARY_ENDED' then 'EXPIRE'
    else action end;
alter table dossier_transition add constraint dossier_transition_action_check check (action in ('CREATE', 'SUBMIT',
    'WITHDRAW', 'DECLARE_ADMISSIBLE', 'DECLARE_INADMISSIBLE', 'EXTEND_EVALUATION', 'REQUEST_CLARIFICATION',
    'LAPSE_CLARIFICATION', 'APPROVE_TEMPORARY', 'APPROVE_DEFINITIVE', 'DECLINE', 'REVOKE', 'EXPIRE'));

-- The clock job acted as "system"; it is now the service, as M1's expiry job.
update dossier_transition set actor = 'm3-reimbursement-service' where actor = 'system';
update dossier set decided_by = 'm3-reimbursement-service' where decided_by = 'system';

-- Who, as events carry it (never a name): VENDOR, AUTHORITY or SYSTEM.
alter table dossier_transition add column acted_by varchar(20);
update dossier_transition set acted_by = case
    when action in ('CREATE', 'SUBMIT', 'WITHDRAW') then 'VENDOR'
    when action in ('LAPSE_CLARIFICATION', 'EXPIRE') then 'SYSTEM'
    else 'AUTHORITY' end;
alter table dossier_transition alter column acted_by set not null;
alter table dossier_transition add constraint dossier_transition_acted_by_check
    check (acted_by in ('VENDOR', 'AUTHORITY', 'TEST_CENTRE', 'SYSTEM'));

-- submitted_at stays the first submission (NIHDI sees the dossier from then on); waiting_since is the last time the
-- dossier came (back) to NIHDI: a submission, an answer to a clarification request or its lapse.
alter table dossier add column waiting_since timestamptz;
update dossier d set waiting_since = (select max(t.occurred_at) from dossier_transition t
                                      where t.dossier_id = d.id
                                        and t.action in ('SUBMIT', 'LAPSE_CLARIFICATION'))
    where submitted_at is not null;

drop index reimbursement_dossier_queue;
create index dossier_queue on dossier (due_on, waiting_since, id) where state in ('SUBMITTED', 'IN_EVALUATION');
-- NIHDI's list: submitted dossiers, newest first.
create index dossier_submitted on dossier (created_at) where submitted_at is not null;
