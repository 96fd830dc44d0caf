-- The facts M1 grants carry since the public app view shows five topics (issue 16): the notified body and the
-- vendor's GDPR declaration. Widths are the event contract's Limits (ContractStorageTest). Null for grants
-- recorded before: their events did not carry them.
alter table level_grant
    add column notified_body       varchar(4),
    add column legal_basis         varchar(30),
    add column data_area           varchar(20),
    add column data_country        varchar(2),
    add column transfer_mechanism  varchar(40),
    add column dpo_contact         varchar(320),
    add column privacy_policy_url  varchar(2000);
