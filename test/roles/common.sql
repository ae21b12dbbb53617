-- Shared by the role files (test/roles/*.sql, run by test/roles.t, each
-- connected as the role it checks): what each role is meant to be able to
-- call, one representative call per function, and the check that runs a
-- statement and compares its SQLSTATE.  Included with \ir.
--
-- The data are the sample data set loaded by ar_steward, with two
-- snapshots: 1 as loaded, 2 after the Frey & Osborne value of Medical
-- Records Specialists (29-2072.00) went from 0.91 to 0.25.

-- pg_temp.call: every function of the extension that can be called from
-- SQL, with the narrowest access meant to call it and a representative
-- call.  Written from the privilege model, not read from function_access:
-- analyst.sql compares the two.  outcome is the SQLSTATE the call ends with
-- for a role allowed to make it (invalid_argument() raises 22023 by design).
-- Functions that cannot be called (trigger and event-trigger functions,
-- aggregate support functions taking internal) are not listed: they are
-- the 'internal' ones of pg_temp.uncallable below.
CREATE TEMP TABLE call (function text PRIMARY KEY, access text NOT NULL, sql text NOT NULL, outcome text NOT NULL DEFAULT '00000');
INSERT INTO pg_temp.call (function, access, sql, outcome) VALUES
    -- webapp: the published snapshots (an analyst's too)
    ('airesilience.published_document(text)', 'webapp', $$SELECT airesilience.published_document('29-2072.00')$$, '00000'),
    ('airesilience.snapshot_report(bigint)', 'webapp', $$SELECT count(*) FROM airesilience.snapshot_report(2)$$, '00000'),
    ('airesilience.snapshot_changes(bigint,bigint)', 'webapp', $$SELECT count(*) FROM airesilience.snapshot_changes(1, 2)$$, '00000'),
    ('airesilience.snapshot_check(bigint[])', 'webapp', $$SELECT airesilience.snapshot_check(1, 2)$$, '00000'),
    ('airesilience.data_updated_at()', 'webapp', $$SELECT airesilience.data_updated_at()$$, '00000'),
    ('airesilience.model_version()', 'webapp', $$SELECT airesilience.model_version()$$, '00000'),
    ('airesilience.published_snapshot()', 'webapp', $$SELECT airesilience.published_snapshot()$$, '00000'),
    ('airesilience.published_document_by_slug(text)', 'webapp',
     $$SELECT airesilience.published_document_by_slug('medical-records-specialists')$$, '00000'),
    ('airesilience.published_occupations(text,text,text,integer,text)', 'webapp',
     $$SELECT count(*) FROM airesilience.published_occupations(page_size => 5)$$, '00000'),
    ('airesilience.list_cursor(bigint,text,text,text,jsonb,text)', 'webapp',
     $$SELECT airesilience.list_cursor(2, 'score_desc', NULL, NULL, '14.4', '29-2072.00')$$, '00000'),
    ('airesilience.search_published(text,integer)', 'webapp', $$SELECT count(*) FROM airesilience.search_published('medical coder')$$, '00000'),
    ('airesilience.published_export()', 'webapp', $$SELECT count(*) FROM airesilience.published_export()$$, '00000'),
    ('airesilience.stop_words()', 'webapp', $$SELECT airesilience.stop_words()$$, '00000'),
    -- analyst: reports, search, what-if, documents, aggregates, helpers
    ('airesilience.occupation_document(text)', 'analyst', $$SELECT airesilience.occupation_document('29-2072.00')$$, '00000'),
    ('airesilience.document_words(jsonb)', 'analyst',
     $$SELECT airesilience.document_words('{"description": "Compile and maintain medical records"}')$$, '00000'),
    ('airesilience.occupation_explanation(text)', 'analyst', $$SELECT airesilience.occupation_explanation('29-2072.00')$$, '00000'),
    ('airesilience.document_explanation(jsonb)', 'analyst',
     $$SELECT airesilience.document_explanation((SELECT d.document FROM airesilience.snapshot_document d
                                                  WHERE d.snapshot_id = 2 AND d.onet_code = '29-2072.00'))$$, '00000'),
    ('airesilience.search_occupations(text,integer)', 'analyst', $$SELECT count(*) FROM airesilience.search_occupations('medical records')$$, '00000'),
    ('airesilience.similar_occupations(text,integer,boolean)', 'analyst', $$SELECT count(*) FROM airesilience.similar_occupations('29-2072.00')$$, '00000'),
    ('airesilience.composite_scores(jsonb,text,text)', 'analyst',
     $$SELECT count(*) FROM airesilience.composite_scores('{"market_pressure": 1}', '29-2072.00')$$, '00000'),
    ('airesilience.what_if(jsonb,text,text)', 'analyst', $$SELECT count(*) FROM airesilience.what_if('{"market_pressure": 1}', '29-2072.00')$$, '00000'),
    ('airesilience.composite_weights_check(jsonb,text)', 'analyst', $$SELECT airesilience.composite_weights_check('{"market_pressure": 1}')$$, '00000'),
    ('airesilience.weighted_resilience(double precision,double precision)', 'analyst',
     $$SELECT airesilience.weighted_resilience(s, w) FROM (VALUES (10.0::float8, 1.0::float8), (30, 2)) v (s, w)$$, '00000'),
    ('airesilience.source_median(double precision)', 'analyst',
     $$SELECT airesilience.source_median(s) FROM (VALUES (10.0::float8), (30), (50)) v (s)$$, '00000'),
    ('airesilience.source_consensus(double precision)', 'analyst',
     $$SELECT airesilience.source_consensus(s) FROM (VALUES (10.0::float8), (30), (50)) v (s)$$, '00000'),
    ('airesilience.score_label(double precision,text)', 'analyst', $$SELECT airesilience.score_label(70)$$, '00000'),
    ('airesilience.band_label(double precision,double precision[],text[],boolean)', 'analyst',
     $$SELECT airesilience.band_label(70, '{65,35}', '{a,b,c}')$$, '00000'),
    ('airesilience.label_scheme_check(double precision[],text[])', 'analyst', $$SELECT airesilience.label_scheme_check('{65,35}', '{a,b,c}')$$, '00000'),
    ('airesilience.consensus_confidence(bigint,double precision)', 'analyst', $$SELECT airesilience.consensus_confidence(3, 10)$$, '00000'),
    ('airesilience.entry_barrier_erosion(text)', 'analyst', $$SELECT airesilience.entry_barrier_erosion('Bachelor''s degree')$$, '00000'),
    ('airesilience.market_pressure(double precision)', 'analyst', $$SELECT airesilience.market_pressure(3.5)$$, '00000'),
    ('airesilience.explanation_number(double precision)', 'analyst', $$SELECT airesilience.explanation_number(12.34)$$, '00000'),
    ('airesilience.normalize_linear(double precision,double precision,double precision,text)', 'analyst',
     $$SELECT airesilience.normalize_linear(0.5, 0, 1, 'exposure')$$, '00000'),
    ('airesilience.normalize_percentile(double precision,text)', 'analyst', $$SELECT airesilience.normalize_percentile(40, 'exposure')$$, '00000'),
    ('airesilience.occupation_short_name(text)', 'analyst', $$SELECT airesilience.occupation_short_name('Bookkeeping, Accounting, and Auditing Clerks')$$, '00000'),
    ('airesilience.occupation_slug(text)', 'analyst', $$SELECT airesilience.occupation_slug('Medical Records Specialists')$$, '00000'),
    ('airesilience.seniority_adjust(double precision,double precision)', 'analyst', $$SELECT airesilience.seniority_adjust(60, 0.9)$$, '00000'),
    ('airesilience.seniority_curve_check(double precision[],double precision[])', 'analyst',
     $$SELECT airesilience.seniority_curve_check('{0,5}', '{0.8,1.1}')$$, '00000'),
    ('airesilience.seniority_interpolate(double precision[],double precision[],double precision)', 'analyst',
     $$SELECT airesilience.seniority_interpolate('{0,5}', '{0.8,1.1}', 2)$$, '00000'),
    ('airesilience.seniority_multiplier(text,double precision)', 'analyst', $$SELECT airesilience.seniority_multiplier('healthcare', 2)$$, '00000'),
    ('airesilience.skill_similarity(double precision[],double precision[])', 'analyst', $$SELECT airesilience.skill_similarity('{1,2,3}', '{1,2,4}')$$, '00000'),
    ('airesilience.task_tier_weight(text,double precision)', 'analyst', $$SELECT airesilience.task_tier_weight('core', 4)$$, '00000'),
    ('airesilience.task_weight(text,text,double precision,double precision)', 'analyst',
     $$SELECT airesilience.task_weight('ratings', 'core', 4, 80)$$, '00000'),
    ('airesilience.invalid_argument(text,text,text)', 'analyst', $$SELECT airesilience.invalid_argument('n', '-1', 'must be positive')$$, '22023'),
    ('airesilience.access_check(text)', 'analyst', $$SELECT airesilience.access_check('webapp')$$, '00000'),
    ('airesilience.access_privileges(text)', 'analyst', $$SELECT count(*) FROM airesilience.access_privileges('webapp')$$, '00000'),
    ('airesilience.user_rows()', 'analyst', $$SELECT airesilience.user_rows()$$, '00000'),
    ('airesilience.untrusted_dependencies()', 'analyst', $$SELECT count(*) FROM airesilience.untrusted_dependencies()$$, '00000'),
    -- steward: snapshots, default curves, the helpers its triggers call
    ('airesilience.take_snapshot(text)', 'steward', $$SELECT airesilience.take_snapshot('roles test')$$, '00000'),
    ('airesilience.install_default_seniority_curves()', 'steward', $$SELECT airesilience.install_default_seniority_curves()$$, '00000'),
    ('airesilience.adaptability_refresh(text[])', 'steward', $$SELECT airesilience.adaptability_refresh('{29-2072.00}')$$, '00000'),
    ('airesilience.skill_vector_refresh(text[])', 'steward', $$SELECT airesilience.skill_vector_refresh('{29-2072.00}')$$, '00000'),
    ('airesilience.source_percentile_refresh(text[])', 'steward', $$SELECT airesilience.source_percentile_refresh('{frey_osborne}')$$, '00000'),
    ('airesilience.labor_percentile_refresh()', 'steward', $$SELECT airesilience.labor_percentile_refresh()$$, '00000'),
    ('airesilience.related_list_refresh(text[],boolean)', 'steward', $$SELECT airesilience.related_list_refresh('{29-2072.00}', false)$$, '00000'),
    ('airesilience.consensus_confidence_banded(bigint,double precision,double precision[],integer)', 'analyst',
     $$SELECT airesilience.consensus_confidence_banded(3, 10, '{13,18,22,28}', 4)$$, '00000'),
    ('airesilience.confidence_rank(text)', 'analyst', $$SELECT airesilience.confidence_rank('High')$$, '00000'),
    ('airesilience.label_meaning(text,text)', 'analyst', $$SELECT airesilience.label_meaning('Resilient', 'resilience6')$$, '00000'),
    ('airesilience.changed_keys_query(text,text,text)', 'steward', $$SELECT airesilience.changed_keys_query('INSERT', 'onet_code', 'onet_code')$$, '00000'),
    -- internal: a superuser's
    ('airesilience.grant_access(regrole,text)', 'internal', $$SELECT airesilience.grant_access('ar_nobody', 'analyst')$$, '00000'),
    ('airesilience.revoke_access(regrole,text)', 'internal', $$SELECT airesilience.revoke_access('ar_nobody', 'analyst')$$, '00000');

-- The functions that cannot be called from SQL: trigger and event-trigger
-- functions (a trigger runs its function whatever the privileges) and
-- aggregate support functions (checked against the aggregate's owner).
-- Nobody is meant to hold EXECUTE on them.
CREATE TEMP VIEW uncallable AS
SELECT p.oid::regprocedure::text AS function, p.oid
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'airesilience')
   AND (p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype)
        OR 'internal'::regtype = ANY (p.proargtypes));

-- Every function of the extension (the schema's name by hand: a role
-- without USAGE on it cannot cast 'airesilience'::regnamespace).
CREATE TEMP VIEW extension_function AS
SELECT p.oid::regprocedure::text AS function, p.oid, p.proname::text AS name
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'airesilience');

-- Every table, view and sequence of the extension.
CREATE TEMP VIEW extension_relation AS
SELECT c.oid, c.relname::text AS name, format('airesilience.%I', c.relname) AS qualified, c.relkind::text AS kind
  FROM pg_catalog.pg_class c
 WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'airesilience')
   AND c.relkind IN ('r', 'v', 'S');

-- The snapshot tables: the web app's.
CREATE TEMP VIEW published_table AS
SELECT r.* FROM pg_temp.extension_relation r
 WHERE r.kind = 'r' AND r.name IN ('snapshot', 'snapshot_occupation', 'snapshot_source', 'snapshot_composite', 'snapshot_document',
                                     'snapshot_name', 'snapshot_word');

-- Statements that exercise one privilege on a table without changing a row
-- (privileges are checked when the statement starts, rows or none), with
-- the SQLSTATE they end with for a role that holds the privilege: 00000,
-- or the refusal that follows the privilege check: a statement-level guard
-- trigger (23001: signal, the tables with built-in rows and the snapshot
-- tables refuse TRUNCATE), or for TRUNCATE a foreign key from another
-- table (0A000, checked before the triggers).  INSERT names one column a
-- value may be given for.
CREATE TEMP VIEW table_statement AS
SELECT r.name AS table_name, s.privilege, s.sql,
       CASE WHEN s.privilege = 'TRUNCATE'
                 AND EXISTS (SELECT FROM pg_catalog.pg_constraint k
                              WHERE k.contype = 'f' AND k.confrelid = r.oid AND k.conrelid <> r.oid)
            THEN '0A000'
            WHEN EXISTS (SELECT FROM pg_catalog.pg_trigger t
                          WHERE t.tgrelid = r.oid AND NOT t.tgisinternal
                            AND t.tgtype & 3 = 2              -- BEFORE, FOR EACH STATEMENT
                            AND t.tgtype & s.event_bit <> 0)
            THEN '23001'
            ELSE '00000'
       END AS allowed_outcome
  FROM pg_temp.extension_relation r
 CROSS JOIN LATERAL (
        SELECT a.attname::text AS col
          FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attgenerated = '' AND a.attidentity <> 'a'
         ORDER BY a.attnum LIMIT 1) c
 CROSS JOIN LATERAL (VALUES
        ('SELECT', 0, format('SELECT count(t::text) FROM %s t', r.qualified)),
        ('INSERT', 4, format('INSERT INTO %1$s (%2$I) SELECT %2$I FROM %1$s WHERE false', r.qualified, c.col)),
        ('UPDATE', 16, format('UPDATE %1$s SET %2$I = %2$I WHERE false', r.qualified, c.col)),
        ('DELETE', 8, format('DELETE FROM %s WHERE false', r.qualified)),
        ('TRUNCATE', 32, format('TRUNCATE %s', r.qualified))) s (privilege, event_bit, sql)
 WHERE r.kind = 'r';

-- pg_temp.check(statement, sqlstate, description[, message]): runs the
-- statement in a subtransaction that is always rolled back, and passes when
-- it ends with that SQLSTATE ('00000': no error; alternatives separated by
-- |) and, when message is
-- given, an error message matching that regular expression.  On failure a
-- diagnostic says what happened instead.
CREATE FUNCTION pg_temp.outcome(statement text, OUT code text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    ran boolean := false;
BEGIN
    BEGIN
        EXECUTE statement;
        ran := true;
        RAISE EXCEPTION 'roll back';
    EXCEPTION WHEN OTHERS THEN
        IF ran THEN
            code := '00000';
        ELSE
            code := SQLSTATE;
            message := SQLERRM;
        END IF;
    END;
END
$$;

CREATE FUNCTION pg_temp.check(statement text, want text, description text, want_message text DEFAULT NULL)
RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    got record := pg_temp.outcome(statement);
    passed boolean := got.code ~ ('^(' || want || ')$') AND (want_message IS NULL OR coalesce(got.message ~ want_message, false));
BEGIN
    RETURN NEXT ok(passed, description);
    IF NOT passed THEN
        RETURN NEXT diag(format(E'    statement: %s\n         got: %s%s\n        want: %s%s',
                                statement, got.code, coalesce(' ' || got.message, ''),
                                want, coalesce(' matching ' || want_message, '')));
    END IF;
END
$$;

-- The error message of a privilege refused on the object itself (not on
-- something it uses): "permission denied for <kind> <name>".
CREATE FUNCTION pg_temp.denied_on(name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT '^permission denied for [a-z]+ ' || name || '$'
$$;

-- The message of a role without USAGE on the schema.
CREATE FUNCTION pg_temp.no_schema() RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT '^permission denied for schema airesilience$'
$$;

-- The functions listed in pg_temp.call are exactly those of the extension
-- that SQL can call: a function added later fails here until it is listed
-- with the access it is meant for.
CREATE FUNCTION pg_temp.call_coverage() RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT is(ARRAY(SELECT f.function FROM pg_temp.extension_function f
                          WHERE f.function NOT IN (SELECT u.function FROM pg_temp.uncallable u)
                            AND f.function NOT IN (SELECT c.function FROM pg_temp.call c)
                          ORDER BY 1),
                   '{}'::text[], 'every function of the extension that SQL can call has a representative call in test/roles/common.sql');
    RETURN NEXT is(ARRAY(SELECT c.function FROM pg_temp.call c
                          WHERE c.function NOT IN (SELECT f.function FROM pg_temp.extension_function f)
                          ORDER BY 1),
                   '{}'::text[], 'every function test/roles/common.sql calls exists');
END
$$;

-- The privileges role holds on the extension's schema, tables, views,
-- sequences and functions, granted to it or to PUBLIC (a NULL ACL is the
-- default one: EXECUTE for PUBLIC on a function).
CREATE FUNCTION pg_temp.held_privileges(role oid) RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT format('%s on schema airesilience', a.privilege_type)
      FROM pg_catalog.pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
     WHERE n.nspname = 'airesilience' AND a.grantee IN (0, role)
    UNION ALL
    SELECT format('%s on %s', a.privilege_type, r.qualified)
      FROM pg_temp.extension_relation r JOIN pg_catalog.pg_class c ON c.oid = r.oid,
           aclexplode(coalesce(c.relacl, acldefault(CASE r.kind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
     WHERE a.grantee IN (0, role)
    UNION ALL
    SELECT format('%s on %s', a.privilege_type, f.function)
      FROM pg_temp.extension_function f JOIN pg_catalog.pg_proc p ON p.oid = f.oid,
           aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
     WHERE a.grantee IN (0, role)
$$;
