-- airesilience: what the extension's objects may resolve to.
--
-- Views, defaults, constraints, triggers and SQL-standard function bodies
-- bind the functions and operators they name when they are created.  The
-- install and update scripts create them under a search_path of pg_catalog
-- alone, so each may use only pg_catalog's objects, the extension's own
-- and pg_trgm's.  This lists any that uses another schema's: it is empty
-- unless a database was tampered with, and both scripts fail if it is not.
CREATE FUNCTION airesilience.untrusted_dependencies()
RETURNS TABLE (object text, uses text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH dependency AS (
        SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid,
               CASE d.classid
                   WHEN 'pg_rewrite'::regclass THEN (SELECT c.relnamespace FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                                                      WHERE r.oid = d.objid)
                   WHEN 'pg_attrdef'::regclass THEN (SELECT c.relnamespace FROM pg_attrdef a JOIN pg_class c ON c.oid = a.adrelid
                                                      WHERE a.oid = d.objid)
                   WHEN 'pg_trigger'::regclass THEN (SELECT c.relnamespace FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                                                      WHERE t.oid = d.objid)
                   WHEN 'pg_constraint'::regclass THEN (SELECT c.connamespace FROM pg_constraint c WHERE c.oid = d.objid)
                   WHEN 'pg_class'::regclass THEN (SELECT c.relnamespace FROM pg_class c WHERE c.oid = d.objid)
                   WHEN 'pg_proc'::regclass THEN (SELECT p.pronamespace FROM pg_proc p WHERE p.oid = d.objid)
                   WHEN 'pg_type'::regclass THEN (SELECT t.typnamespace FROM pg_type t WHERE t.oid = d.objid)
               END AS namespace,
               CASE d.refclassid
                   WHEN 'pg_proc'::regclass THEN (SELECT p.pronamespace FROM pg_proc p WHERE p.oid = d.refobjid)
                   WHEN 'pg_operator'::regclass THEN (SELECT o.oprnamespace FROM pg_operator o WHERE o.oid = d.refobjid)
               END AS ref_namespace
          FROM pg_depend d
         WHERE d.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass)
    )
    SELECT pg_describe_object(d.classid, d.objid, d.objsubid), pg_describe_object(d.refclassid, d.refobjid, 0)
      FROM dependency d
     WHERE d.namespace = 'airesilience'::regnamespace
       AND d.ref_namespace NOT IN ('pg_catalog'::regnamespace, 'airesilience'::regnamespace,
                                   (SELECT e.extnamespace FROM pg_extension e WHERE e.extname = 'pg_trgm'))
     ORDER BY 1, 2;
END;
COMMENT ON FUNCTION airesilience.untrusted_dependencies() IS
    'Objects of the extension that use a function or operator outside pg_catalog, the extension''s schema and pg_trgm''s: none unless the database was tampered with';

-- The script's own check.
DO $$
DECLARE
    found text;
BEGIN
    SELECT string_agg(u.object || ' uses ' || u.uses, '; ') INTO found FROM airesilience.untrusted_dependencies() u;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'objects of airesilience use functions or operators of other schemas'
            USING ERRCODE = 'insufficient_privilege', DETAIL = found,
                  HINT = 'Another role created objects that the extension''s objects bound to: find out who, and drop them.';
    END IF;
END
$$;
