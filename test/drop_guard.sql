-- DROP EXTENSION keeps user data: the event trigger refuses a DROP that
-- would delete the extension (directly, through pg_trgm, or through its
-- schema) while user rows exist, until airesilience.allow_drop is on.
-- Each DROP that goes through is undone by the final ROLLBACK.
BEGIN;
SET client_min_messages = warning;
SELECT plan(13);
\ir include/error_detail.sql

SELECT is((SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
            WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
              AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'airesilience')
              AND d.classid = 'pg_event_trigger'::regclass),
          'event trigger airesilience_drop_guard', 'the guard is an event trigger of the extension');
SELECT is(airesilience.user_rows(), NULL, 'a fresh install holds no user rows (built-in rows do not count)');
SELECT lives_ok('DROP EXTENSION airesilience', 'without user rows, DROP EXTENSION goes through');
SELECT is((SELECT count(*) FROM pg_extension WHERE extname = 'airesilience'), 0::bigint, 'and the extension is gone');

CREATE EXTENSION airesilience;
INSERT INTO airesilience.category (category, title) VALUES ('healthcare', 'Healthcare');
INSERT INTO airesilience.occupation (onet_code, title, category)
VALUES ('29-2072.00', 'Medical Records Specialists', 'healthcare'), ('29-1141.00', 'Registered Nurses', 'healthcare');
SELECT is(airesilience.user_rows(), '1 row of airesilience.category, 2 rows of airesilience.occupation',
          'user_rows counts the rows pg_dump keeps, per table');

SELECT throws_ok('DROP EXTENSION airesilience', '2BP01',
                 'cannot drop extension airesilience while its tables hold user data', 'DROP EXTENSION is refused');
SELECT is(pg_temp.error_detail('DROP EXTENSION airesilience'),
          'Dropping it would delete 1 row of airesilience.category, 2 rows of airesilience.occupation.',
          'the detail says what would be lost');
SELECT throws_ok('DROP EXTENSION IF EXISTS no_such_extension, airesilience CASCADE', '2BP01', NULL,
                 'a DROP naming it among others is refused');
SELECT throws_ok('DROP EXTENSION pg_trgm CASCADE', '2BP01', NULL,
                 'DROP EXTENSION pg_trgm CASCADE, which would cascade to it, is refused');
SELECT throws_ok('DROP SCHEMA airesilience CASCADE', '2BP01', NULL, 'DROP SCHEMA airesilience CASCADE is refused');
CREATE SCHEMA unrelated;
SELECT lives_ok('DROP SCHEMA unrelated CASCADE', 'other DROPs are not affected');

SET LOCAL airesilience.allow_drop = on;
SELECT lives_ok('DROP EXTENSION airesilience', 'with airesilience.allow_drop on, DROP EXTENSION goes through');
SELECT is((SELECT count(*) FROM pg_extension WHERE extname = 'airesilience'), 0::bigint, 'and the extension is gone');

SELECT * FROM finish();
ROLLBACK;
