-- Text searches read the trigram indexes. With GIN's default fastupdate, a newly listed or changed app goes to the
-- index's unsorted pending list, which every search then scans in full until a vacuum, or 4 MB of entries, flushes it:
-- at 100,000 apps, 2,900 pending entries made a search for one name 4.2 ms in PostgreSQL instead of 0.14 ms, twice
-- per answer (its counts and its page). The catalog is read far more often than it changes, so entries now go straight
-- into the index (about 1.5 ms more per level change, measured at 100,000 apps).
alter index app_search_nl set (fastupdate = off);
alter index app_search_fr set (fastupdate = off);
alter index app_search_en set (fastupdate = off);
alter index app_search_de set (fastupdate = off);
alter index app_delisted_search_nl set (fastupdate = off);
alter index app_delisted_search_fr set (fastupdate = off);
alter index app_delisted_search_en set (fastupdate = off);
alter index app_delisted_search_de set (fastupdate = off);
-- What is pending already moves into the index now.
select gin_clean_pending_list(i::regclass)
from unnest(array['app_search_nl', 'app_search_fr', 'app_search_en', 'app_search_de', 'app_delisted_search_nl',
                  'app_delisted_search_fr', 'app_delisted_search_en', 'app_delisted_search_de']) as i;
