-- A text picture of the extension's catalog state (functions with their
-- definitions, ACLs and comments; relations, columns, indexes, constraints,
-- triggers, views, configuration tables, members), for diffing two
-- databases: test/upgrade_serving.t.
\pset format unaligned
\pset tuples_only on
SET search_path = pg_catalog;
SELECT 'function ' || p.oid::regprocedure || E'\n' || pg_get_functiondef(p.oid) || E'\nacl ' || coalesce(p.proacl::text, '-') || E'\ncomment ' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
  FROM pg_proc p WHERE p.pronamespace = 'airesilience'::regnamespace AND p.prokind <> 'a' ORDER BY 1;
SELECT 'aggregate ' || p.oid::regprocedure || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), '-') || ' ' || coalesce(p.proacl::text, '-')
  FROM pg_proc p WHERE p.pronamespace = 'airesilience'::regnamespace AND p.prokind = 'a' ORDER BY 1;
SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' acl ' || coalesce(c.relacl::text, '-') || ' comment ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
  FROM pg_class c WHERE c.relnamespace = 'airesilience'::regnamespace ORDER BY 1;
SELECT 'column ' || c.relname || '.' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
       || ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') || ' comment ' || coalesce(col_description(c.oid, a.attnum), '-')
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
 WHERE c.relnamespace = 'airesilience'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY c.relname, a.attnum;
SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
 WHERE c.relnamespace = 'airesilience'::regnamespace ORDER BY 1;
SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
 WHERE connamespace = 'airesilience'::regnamespace ORDER BY 1;
SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' comment ' || coalesce(obj_description(t.oid, 'pg_trigger'), '-')
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'airesilience'::regnamespace AND NOT t.tgisinternal ORDER BY 1;
SELECT 'view ' || c.relname || E'\n' || pg_get_viewdef(c.oid) FROM pg_class c WHERE c.relnamespace = 'airesilience'::regnamespace AND c.relkind = 'v' ORDER BY 1;
SELECT 'extconfig ' || (SELECT string_agg(x::regclass::text, ' ' ORDER BY x::regclass::text) FROM unnest(extconfig) x) || ' ' || array_to_string(extcondition, '|')
  FROM pg_extension WHERE extname = 'airesilience';
SELECT 'member ' || pg_describe_object(classid, objid, objsubid) FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'airesilience') AND deptype = 'e' ORDER BY 1;
