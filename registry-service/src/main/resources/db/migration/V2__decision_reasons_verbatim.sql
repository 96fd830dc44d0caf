-- Decisions arrive with the authority's reason (up to the event contract's 2,000 characters, Limits.REASON) and who
-- decided (a Keycloak user name or client id, up to 255, Limits.ACTOR). They are stored as they came, in columns that
-- hold every value the contract allows; the history's text ("M1 revoked: …") is composed when it is read.

alter table level_grant
    alter column granted_by type varchar(255),
    alter column ended_by type varchar(255),
    alter column end_reason type varchar(2000),
    add column end_event_type varchar(200),
    add column end_effective_on date;

alter table level_change
    alter column actor type varchar(255),
    alter column reason type varchar(2000),
    alter column reason drop not null,
    add column effective_on date,
    add column reimbursement_kind varchar(20);

-- Rows written before held the composed text: split it into the verbatim reason, the date and the kind.
update level_change set reimbursement_kind = substring(reason from '^M3 granted \((TEMPORARY|DEFINITIVE)\)$'),
        reason = null
    where reason ~ '^M3 granted \((TEMPORARY|DEFINITIVE)\)$';
update level_change set reason = null where reason ~ '^M[123] granted$';
update level_change set reason = substring(reason from '^M[12] revoked(?:: (.*))?$')
    where reason ~ '^M[12] revoked(: |$)';
update level_change set effective_on = cast(substring(reason from '^M1 certificate expired on (\d{4}-\d{2}-\d{2})') as date),
        reason = substring(reason from '^M1 certificate expired on \d{4}-\d{2}-\d{2}(?:: (.*))?$')
    where reason ~ '^M1 certificate expired on \d{4}-\d{2}-\d{2}(: |$)';
update level_change set effective_on = cast(substring(reason from '^M3 reimbursement ended on (\d{4}-\d{2}-\d{2})') as date),
        reason = substring(reason from '^M3 reimbursement ended on \d{4}-\d{2}-\d{2}(?:: (.*))?$')
    where reason ~ '^M3 reimbursement ended on \d{4}-\d{2}-\d{2}(: |$)';

update level_grant set end_event_type = 'be.mhealth.pyramid.' || lower(level) || '.revoked.v1',
        end_reason = substring(end_reason from '^M[12] revoked(?:: (.*))?$')
    where end_reason ~ '^M[12] revoked(: |$)';
update level_grant set end_event_type = 'be.mhealth.pyramid.m1.expired.v1',
        end_effective_on = cast(substring(end_reason from '^M1 certificate expired on (\d{4}-\d{2}-\d{2})') as date),
        end_reason = substring(end_reason from '^M1 certificate expired on \d{4}-\d{2}-\d{2}(?:: (.*))?$')
    where end_reason ~ '^M1 certificate expired on \d{4}-\d{2}-\d{2}(: |$)';
update level_grant set end_event_type = 'be.mhealth.pyramid.m3.ended.v1',
        end_effective_on = cast(substring(end_reason from '^M3 reimbursement ended on (\d{4}-\d{2}-\d{2})') as date),
        end_reason = substring(end_reason from '^M3 reimbursement ended on \d{4}-\d{2}-\d{2}(?:: (.*))?$')
    where end_reason ~ '^M3 reimbursement ended on \d{4}-\d{2}-\d{2}(: |$)';
