-- airesilience: DROP EXTENSION keeps user data unless told otherwise.
--
-- A plain DROP EXTENSION airesilience would delete every row users loaded
-- and every snapshot.  While any such row exists, the event trigger below
-- refuses it (2BP01), and DROP EXTENSION pg_trgm CASCADE and DROP SCHEMA
-- airesilience CASCADE with it (src/drop_guard.c reads the statement).
-- SET airesilience.allow_drop = on lets the DROP through, after a backup.

-- The rows a DROP would lose: those pg_dump keeps of each configuration
-- table (its extcondition leaves out the built-in rows), as "N rows of
-- table, ..."; NULL when there are none.
CREATE FUNCTION airesilience.user_rows()
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    config record;
    n bigint;
    counts text[] := '{}';
BEGIN
    FOR config IN
        SELECT c.oid::regclass AS tbl, x.condition
          FROM pg_extension e,
               unnest(e.extconfig, e.extcondition) AS x(tbl, condition)
          JOIN pg_class c ON c.oid = x.tbl
         WHERE e.extname = 'airesilience' AND c.relkind = 'r'
         ORDER BY c.relname
    LOOP
        EXECUTE format('SELECT count(*) FROM %s %s', config.tbl, config.condition) INTO n;
        IF n > 0 THEN
            counts := counts || format('%s %s of %s', n, CASE n WHEN 1 THEN 'row' ELSE 'rows' END, config.tbl);
        END IF;
    END LOOP;
    RETURN nullif(array_to_string(counts, ', '), '');
END
$$;
COMMENT ON FUNCTION airesilience.user_rows() IS
    'Internal: the user rows a DROP EXTENSION would delete, per table ("N rows of table, ..."), NULL when none';

CREATE FUNCTION airesilience.drop_guard()
RETURNS event_trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'drop_guard';
COMMENT ON FUNCTION airesilience.drop_guard() IS
    'Event trigger: refuses a DROP that would drop the extension while user rows exist, unless airesilience.allow_drop is on';

CREATE EVENT TRIGGER airesilience_drop_guard ON ddl_command_start
    WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
    EXECUTE FUNCTION airesilience.drop_guard();
COMMENT ON EVENT TRIGGER airesilience_drop_guard IS
    'Refuses DROP EXTENSION airesilience (or a DROP that cascades to it) while its tables hold user rows; SET airesilience.allow_drop = on to allow';
