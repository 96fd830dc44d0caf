-- Issue 15: when the vendor takes the app off the market, the service closes its open dossier or its reimbursement
-- (state CLOSED, action CLOSE, by the service). A closed dossier is over: the app may hold another one only if the
-- registry ever lets it climb again.

alter table dossier drop constraint dossier_state_check;
alter table dossier add constraint dossier_state_check check (state in ('DRAFT', 'SUBMITTED', 'IN_EVALUATION',
    'CLARIFICATION_REQUESTED', 'INADMISSIBLE', 'APPROVED_TEMPORARY', 'APPROVED_DEFINITIVE', 'DECLINED', 'WITHDRAWN',
    'ENDED', 'CLOSED'));

alter table dossier_transition drop constraint dossier_transition_action_check;
alter table dossier_transition add constraint dossier_transition_action_check check (action in ('CREATE', 'SUBMIT',
    'WITHDRAW', 'DECLARE_ADMISSIBLE', 'DECLARE_INADMISSIBLE', 'EXTEND_EVALUATION', 'REQUEST_CLARIFICATION',
    'LAPSE_CLARIFICATION', 'APPROVE_TEMPORARY', 'APPROVE_DEFINITIVE', 'DECLINE', 'REVOKE', 'EXPIRE', 'CLOSE'));

-- One procedure per app at a time (M3DossierState.FINAL are the states that are over).
drop index dossier_one_open_per_app;
create unique index dossier_one_open_per_app on dossier (app_id)
    where state not in ('WITHDRAWN', 'INADMISSIBLE', 'DECLINED', 'ENDED', 'CLOSED');
