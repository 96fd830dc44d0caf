-- Issue 15: a grant can be renewed without a gap, extended on a legal basis, warns before its certificate expires,
-- awaits a re-assessment after a significant change, and closes when the app leaves the market.

-- A renewal dossier names the grant it renews. An app has at most one open dossier and at most one active grant,
-- each on its own (the renewal is open while the grant it renews stands).
alter table dossier add column renewal_of uuid references dossier (id);
drop index dossier_one_open_or_granted_per_app;
create unique index dossier_one_open_per_app on dossier (app_id)
    where state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED');
create unique index dossier_one_grant_per_app on dossier (app_id) where state = 'APPROVED';

-- The last extension of the certificate's validity (the expiry date before it, its legal basis; Limits.LEGAL_BASIS).
alter table dossier add column extended_from date;
alter table dossier add column extension_legal_basis varchar(300);
alter table dossier add constraint dossier_extension_complete
    check ((extended_from is null) = (extension_legal_basis is null));

-- The last expiry warning published for the current expiry date (DAYS_90, DAYS_30).
alter table dossier add column expiry_warning varchar(10) check (expiry_warning in ('DAYS_90', 'DAYS_30'));
alter table dossier add column expiry_warned_at timestamptz;
create index dossier_grant_expiry on dossier (expires_on, id) where state = 'APPROVED';
drop index if exists dossier_active_grant_expiry;

-- Who acted: a Keycloak user name or client id, as events carry it (Limits.ACTOR = 255).
alter table dossier alter column created_by type varchar(255);
alter table dossier alter column decided_by type varchar(255);
alter table dossier_transition alter column actor type varchar(255);

-- A re-assessment FAMHP owes after a significant change (the declaring version, its kinds, the due date).
alter table dossier add column reassessment_version varchar(50);
alter table dossier add column reassessment_changes varchar(200);
alter table dossier add column reassessment_due_on date;
alter table dossier add constraint dossier_reassessment_only_for_grants
    check (reassessment_due_on is null or state = 'APPROVED');
drop index dossier_queue;
create index dossier_queue on dossier (waiting_since, id)
    where state in ('SUBMITTED', 'IN_REVIEW') or (state = 'APPROVED' and reassessment_due_on is not null);

-- RENEWED: the grant was replaced by its renewal's approval; CLOSED: the vendor took the app off the market.
alter table dossier drop constraint dossier_state_check;
alter table dossier add constraint dossier_state_check check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW',
    'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED', 'EXPIRED', 'RENEWED', 'CLOSED'));
