-- The app's name per language (registry's AppRegistered/AppUpdated), so that review queues show it. Apps copied
-- before this column existed get their names with the registry's next AppUpdated of them.
alter table app_copy add column name jsonb;
