-- placeholder: replaced by the M1 dossier schema
select 1;
