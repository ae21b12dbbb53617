-- Run by test/roles.t connected as ar_nobody, a role given no access, and
-- again as each of ar_analyst, ar_webapp and ar_steward after revoke_access
-- took theirs away.  Such a role holds no privilege on the extension's
-- objects, nor does PUBLIC: it cannot even look into the schema (42501).
BEGIN;
SET LOCAL search_path = public, pg_catalog;
SET LOCAL client_min_messages = warning;
\ir common.sql
SELECT * FROM no_plan();

SELECT ok(current_user::text IN ('ar_nobody', 'ar_analyst', 'ar_webapp', 'ar_steward'),
          format('connected as %s', current_user));
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), format('%s is not a superuser', current_user));
SELECT * FROM pg_temp.call_coverage();

SELECT is(ARRAY(SELECT pg_temp.held_privileges(0) ORDER BY 1), '{}'::text[],
          'PUBLIC holds no privilege on the schema, a table, a view, a sequence or a function of the extension');
SELECT is(ARRAY(SELECT pg_temp.held_privileges(oid) FROM pg_roles WHERE rolname = current_user ORDER BY 1), '{}'::text[],
          format('%s holds none either', current_user));
SELECT ok(NOT has_schema_privilege('airesilience', 'USAGE'), format('%s: no USAGE on schema airesilience', current_user));

SELECT pg_temp.check(s.sql, '42501', format('%s: may not %s on table %s', current_user, s.privilege, s.table_name),
                     pg_temp.no_schema())
  FROM pg_temp.table_statement s ORDER BY s.privilege <> 'SELECT', s.table_name, s.privilege;
SELECT pg_temp.check(format('SELECT count(*) FROM %s', r.qualified), '42501',
                     format('%s: may not SELECT on %s %s', current_user, CASE r.kind WHEN 'v' THEN 'view' ELSE 'sequence' END, r.name),
                     pg_temp.no_schema())
  FROM pg_temp.extension_relation r WHERE r.kind IN ('v', 'S') ORDER BY r.kind DESC, r.name;
SELECT pg_temp.check(c.sql, '42501', format('%s: may not call %s', current_user, c.function), pg_temp.no_schema())
  FROM pg_temp.call c ORDER BY c.function;
SELECT ok(NOT has_function_privilege(current_user, u.oid, 'EXECUTE'),
          format('%s: no EXECUTE on %s (trigger or support function)', current_user, u.function))
  FROM pg_temp.uncallable u ORDER BY u.function;

SELECT * FROM finish();
ROLLBACK;
