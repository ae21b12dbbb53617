-- Every column of the extension's tables, views and composite types has a
-- COMMENT saying what its value means (issue 12), counted from the catalog:
-- a column added without one fails here, named in the diagnostics.
BEGIN;
SET client_min_messages = warning;
SELECT plan(3);

CREATE TEMP VIEW extension_column AS
SELECT c.oid::regclass::text AS relation, c.relkind, a.attname AS column_name,
       pg_catalog.col_description(c.oid, a.attnum) AS comment
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'airesilience'::regnamespace
   AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c');

SELECT cmp_ok((SELECT count(*) FROM extension_column WHERE relkind IN ('r', 'v')), '>=', 300::bigint,
              'the catalog query sees the extension''s table and view columns');

SELECT is_empty($$SELECT relation || '.' || column_name FROM extension_column
                   WHERE comment IS NULL ORDER BY 1$$,
                'every column of every table, view and composite type has a comment');

SELECT is_empty($$SELECT relation || '.' || column_name FROM extension_column
                   WHERE btrim(comment) = '' ORDER BY 1$$,
                'no column comment is empty');

SELECT * FROM finish();
ROLLBACK;
