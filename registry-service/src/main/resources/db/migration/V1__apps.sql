-- placeholder: replaced by the registry schema
select 1;
