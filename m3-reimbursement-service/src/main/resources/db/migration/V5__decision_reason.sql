-- The last decision's reason on the dossier, as M1 and M2 keep it (decisionReason in the API); filled in from the
-- history for dossiers decided before.
alter table dossier add column decision_reason varchar(2000);
update dossier d set decision_reason = (select t.reason from dossier_transition t
                                        where t.dossier_id = d.id
                                          and t.action in ('DECLARE_INADMISSIBLE', 'APPROVE_TEMPORARY',
                                                           'APPROVE_DEFINITIVE', 'DECLINE', 'REVOKE')
                                        order by t.occurred_at desc limit 1)
where d.decided_at is not null;
