-- The certificate's last day of validity once a grant expired: its expiry date (the expiry job) or an earlier
-- date FAMHP established (POST /api/v1/m1/dossiers/{id}/expiry).
alter table dossier add column certificate_expired_on date;
update dossier set certificate_expired_on = expires_on where status = 'EXPIRED';
alter table dossier add constraint dossier_expired_on_only_when_expired
    check ((status = 'EXPIRED') = (certificate_expired_on is not null));
