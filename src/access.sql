-- airesilience: who may do what.
--
-- PUBLIC may use nothing of the extension: not its schema, not one of its
-- functions.  A superuser (or the extension's owner) gives a role one of
-- three kinds of access with grant_access(role, access):
--
--   analyst  reads every table and view and calls every function that
--            reads: the reports, search, what-if, documents, snapshots
--   webapp   reads the published snapshots alone: published_document(),
--            the serving functions (src/serving.sql), snapshot_report(),
--            snapshot_changes() and the snapshot tables; no live table
--   steward  an analyst who also loads and changes data (INSERT, UPDATE,
--            DELETE, TRUNCATE on every table; built-in rows and snapshots
--            stay protected by their triggers) and takes snapshots
--
-- access_privileges(access) lists the exact privileges each kind gets, from
-- the catalog, so the list and the grants cannot drift apart; the README
-- shows it.  Grants name the objects that exist when they are made: after
-- ALTER EXTENSION ... UPDATE, run grant_access again for each role.
--
-- Functions nobody is granted: trigger and event trigger functions (a
-- trigger runs its function whatever the privileges), aggregate support functions (checked
-- against the aggregate's owner) and grant_access/revoke_access themselves.
-- Maintenance helpers that the steward's triggers call (the *_refresh
-- functions, changed_keys_query) and take_snapshot() are the steward's.

-- true for a known access kind, otherwise an error (22023).
CREATE FUNCTION airesilience.access_check(access text)
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF access IS NULL OR access NOT IN ('analyst', 'webapp', 'steward') THEN
        RAISE EXCEPTION 'access must be analyst, webapp or steward'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('access is %s.', coalesce(access, 'NULL'));
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION airesilience.access_check(text) IS
    'true for analyst, webapp or steward; otherwise 22023';

-- Each function of the extension with the narrowest access that may call
-- it: internal, steward, analyst or webapp (webapp functions are an
-- analyst's too).
CREATE VIEW airesilience.function_access AS
SELECT p.oid::regprocedure AS function,
       CASE WHEN p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype)
              OR p.proname IN ('grant_access', 'revoke_access')
              OR EXISTS (SELECT FROM pg_aggregate a
                          WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                          a.aggserialfn, a.aggdeserialfn))
            THEN 'internal'
            WHEN p.proname IN ('take_snapshot', 'install_default_seniority_curves', 'changed_keys_query',
                               'adaptability_refresh', 'labor_percentile_refresh',
                               'skill_vector_refresh', 'source_percentile_refresh', 'related_list_refresh')
            THEN 'steward'
            WHEN p.proname IN ('published_document', 'snapshot_report', 'snapshot_changes', 'snapshot_check',
                               'data_updated_at', 'model_version', 'published_snapshot', 'published_document_by_slug',
                               'published_occupations', 'list_cursor', 'search_published', 'stop_words',
                               'published_export')
            THEN 'webapp'
            ELSE 'analyst'
       END AS access
  FROM pg_proc p
 WHERE p.pronamespace = 'airesilience'::regnamespace;
COMMENT ON VIEW airesilience.function_access IS
    'Each function of the extension and the narrowest access that may call it: internal (nobody), steward, analyst, or webapp (also an analyst''s)';
COMMENT ON COLUMN airesilience.function_access.function IS 'The function or aggregate';
COMMENT ON COLUMN airesilience.function_access.access IS
    'internal, steward, analyst or webapp: see access_privileges()';

-- The privileges of one kind of access, as (privilege, object) pairs: what
-- grant_access GRANTs and revoke_access REVOKEs.
CREATE FUNCTION airesilience.access_privileges(access text)
RETURNS TABLE (privilege text, object text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH relation AS (
        SELECT c.oid::regclass AS rel, c.relkind, c.relname
          FROM pg_class c
         WHERE c.relnamespace = 'airesilience'::regnamespace
           AND c.relkind IN ('r', 'v', 'S')
    ), grants (privilege, object, priority) AS (
        SELECT 'USAGE', 'SCHEMA airesilience', 0
         WHERE access_privileges.access IN ('analyst', 'webapp', 'steward')
        UNION ALL
        SELECT 'SELECT', 'TABLE ' || r.rel::text, 1
          FROM relation r
         WHERE (access_privileges.access IN ('analyst', 'steward') AND r.relkind IN ('r', 'v'))
            OR (access_privileges.access = 'webapp' AND r.relname IN
                    ('snapshot', 'snapshot_occupation', 'snapshot_source', 'snapshot_composite', 'snapshot_document',
                     'snapshot_name', 'snapshot_word'))
        UNION ALL
        SELECT 'INSERT, UPDATE, DELETE, TRUNCATE', 'TABLE ' || r.rel::text, 2
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'r'
        UNION ALL
        SELECT 'USAGE', 'SEQUENCE ' || r.rel::text, 3
          FROM relation r
         WHERE access_privileges.access = 'steward' AND r.relkind = 'S'
        UNION ALL
        SELECT 'EXECUTE', 'FUNCTION ' || f.function::text, 4
          FROM airesilience.function_access f
         WHERE f.access = CASE access_privileges.access WHEN 'webapp' THEN 'webapp' END
            OR (access_privileges.access IN ('analyst', 'steward') AND f.access IN ('analyst', 'webapp'))
            OR (access_privileges.access = 'steward' AND f.access = 'steward')
    )
    SELECT g.privilege, g.object
      FROM grants g
     WHERE airesilience.access_check(access_privileges.access)
     ORDER BY g.priority, g.object;
END;
COMMENT ON FUNCTION airesilience.access_privileges(text) IS
    'The privileges of an access kind (analyst, webapp, steward) as (privilege, object) pairs: what grant_access grants; another kind -> 22023';

-- GRANT, or REVOKE, the privileges of one access kind to a role.  Run by a
-- role that may grant them: a superuser or the extension's owner.
CREATE FUNCTION airesilience.grant_access(grantee regrole, access text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT * FROM airesilience.access_privileges(access) LOOP
        EXECUTE format('GRANT %s ON %s TO %s', p.privilege, p.object, grantee);
    END LOOP;
END
$$;
COMMENT ON FUNCTION airesilience.grant_access(regrole, text) IS
    'Grants grantee the privileges of an access kind (analyst, webapp, steward) on the objects that exist now: access_privileges(access)';

CREATE FUNCTION airesilience.revoke_access(grantee regrole, access text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT * FROM airesilience.access_privileges(access) LOOP
        EXECUTE format('REVOKE %s ON %s FROM %s', p.privilege, p.object, grantee);
    END LOOP;
END
$$;
COMMENT ON FUNCTION airesilience.revoke_access(regrole, text) IS
    'Revokes from grantee the privileges access_privileges(access) lists (shared ones too, when the role had two kinds)';
