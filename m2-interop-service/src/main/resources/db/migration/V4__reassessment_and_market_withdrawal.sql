-- Issue 15: a grant awaits the eHealth platform's re-assessment after a significant change, and closes when the app
-- leaves the market.

-- A re-assessment the eHealth platform owes (the declaring version, Limits.APP_VERSION; its kinds; the due date).
alter table m2_dossier add column reassessment_version varchar(50);
alter table m2_dossier add column reassessment_changes varchar(200);
alter table m2_dossier add column reassessment_due_on date;
alter table m2_dossier add constraint m2_dossier_reassessment_only_for_grants
    check (reassessment_due_on is null or state = 'APPROVED');
alter table m2_dossier add constraint m2_dossier_reassessment_complete
    check ((reassessment_due_on is null) = (reassessment_version is null)
       and (reassessment_due_on is null) = (reassessment_changes is null));
drop index m2_dossier_queue;
create index m2_dossier_queue on m2_dossier (waiting_since, id)
    where state in ('SUBMITTED', 'IN_REVIEW') or (state = 'APPROVED' and reassessment_due_on is not null);

-- CLOSED: the vendor took the app off the market.
alter table m2_dossier drop constraint m2_dossier_state_check;
alter table m2_dossier add constraint m2_dossier_state_check check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW',
    'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED', 'CLOSED'));
alter table m2_dossier_transition drop constraint m2_dossier_transition_action_check;
alter table m2_dossier_transition add constraint m2_dossier_transition_action_check check (action in ('CREATE',
    'SUBMIT', 'START_REVIEW', 'REQUEST_INFO', 'APPROVE', 'REJECT', 'WITHDRAW', 'REVOKE', 'REQUEST_REASSESSMENT',
    'CONFIRM', 'CLOSE'));
