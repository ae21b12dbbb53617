-- The catalog state of the airesilience extension in the current database,
-- as lines "section <TAB> key <TAB> detail" (COPY text format: a newline in a
-- definition is written \n), sorted.  test/upgrade/run.sh writes it for a
-- database updated from an old release and for a fresh install of the
-- current one, and compares the two section by section: any difference is a
-- change of the install script that the update scripts do not carry (or the
-- reverse).
--
-- Nothing here may depend on OIDs, on the order objects were created in, or
-- on the data: keys are object names (pg_describe_object), definitions come
-- from the pg_get_*def functions.  The "unhandled" section lists members of
-- a kind no section describes beyond its name; run.sh requires it to be
-- empty, so a new kind of object (an operator, a cast ...) makes the test
-- fail until a section for it is added here.

\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;

COPY (
WITH ext AS (
    SELECT e.oid, e.extname FROM pg_extension e WHERE e.extname = 'airesilience'),
member AS (
    SELECT d.classid, d.objid
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
member_rel AS (
    SELECT c.oid, c.oid::regclass::text AS name
      FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid),
-- Relations whose columns are described: the member relations and the
-- composite types of member types.
column_rel AS (
    SELECT oid, name FROM member_rel
    UNION ALL
    SELECT t.typrelid, t.oid::regtype::text
      FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
     WHERE t.typrelid <> 0),
-- Schemas that hold members, and the extension's own schema.
ext_schema AS (
    SELECT e.extnamespace AS oid FROM pg_extension e, ext WHERE e.oid = ext.oid
    UNION
    SELECT c.relnamespace FROM pg_class c JOIN member_rel r ON r.oid = c.oid
    UNION
    SELECT p.pronamespace FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
    UNION
    SELECT t.typnamespace FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid)
SELECT * FROM (
    -- Every member object, by name.
    SELECT 'member' AS section, pg_describe_object(m.classid, m.objid, 0) AS key, '' AS detail
      FROM member m
    UNION ALL
    -- Members of a kind that no section below describes.
    SELECT 'unhandled', pg_describe_object(m.classid, m.objid, 0), m.classid::regclass::text
      FROM member m
     WHERE m.classid NOT IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass,
                             'pg_event_trigger'::regclass)
    UNION ALL
    -- Objects in the extension's schemas that are not members (left behind
    -- by an update script, or created outside the extension).
    SELECT 'non-member', pg_describe_object('pg_class'::regclass, c.oid, 0), c.relkind::text
      FROM pg_class c
     WHERE c.relnamespace IN (SELECT oid FROM ext_schema)
       AND c.relkind NOT IN ('i', 'I', 't', 'c')   -- indexes, TOAST, row types: parts of their table or type
       AND NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
    UNION ALL
    SELECT 'non-member', pg_describe_object('pg_proc'::regclass, p.oid, 0), p.prokind::text
      FROM pg_proc p
     WHERE p.pronamespace IN (SELECT oid FROM ext_schema)
       AND NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
    UNION ALL
    SELECT 'non-member', pg_describe_object('pg_type'::regclass, t.oid, 0), t.typtype::text
      FROM pg_type t
     WHERE t.typnamespace IN (SELECT oid FROM ext_schema)
       AND t.typelem = 0 AND NOT (t.typtype = 'c' AND t.typrelid IN (SELECT c.oid FROM pg_class c WHERE c.relkind <> 'c'))
       AND NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid)
    UNION ALL
    -- The extension itself.  extconfig/extcondition as a set of pairs: an
    -- update script appends the tables it adds, the install script lists
    -- them where they are created.
    SELECT 'extension', e.extname,
           format('version=%s owner=%s schema=%s relocatable=%s', e.extversion, e.extowner::regrole,
                  e.extnamespace::regnamespace, e.extrelocatable)
      FROM pg_extension e
    UNION ALL
    SELECT 'extconfig', c.cfg::regclass::text, coalesce(e.extcondition[c.i], '<no condition>')
      FROM pg_extension e, ext, unnest(e.extconfig) WITH ORDINALITY c (cfg, i)
     WHERE e.oid = ext.oid
    UNION ALL
    SELECT 'schema', n.nspname,
           format('owner=%s acl=%s', n.nspowner::regrole, n.nspacl)
      FROM pg_namespace n WHERE n.oid IN (SELECT oid FROM ext_schema)
    UNION ALL
    -- Functions and procedures: the whole CREATE statement (volatility,
    -- strictness, parallel safety, SET clauses, security, cost, body).
    SELECT 'function', p.oid::regprocedure::text,
           format('owner=%s acl=%s%s', p.proowner::regrole, p.proacl, E'\n') || pg_get_functiondef(p.oid)
      FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
     WHERE p.prokind <> 'a'
    UNION ALL
    -- Aggregates (pg_get_functiondef refuses them): every field of pg_aggregate.
    SELECT 'aggregate', p.oid::regprocedure::text,
           format('owner=%s acl=%s parallel=%s volatile=%s strict=%s returns=%s kind=%s direct_args=%s '
                  'transfn=%s finalfn=%s combinefn=%s serialfn=%s deserialfn=%s '
                  'mtransfn=%s minvtransfn=%s mfinalfn=%s finalextra=%s mfinalextra=%s finalmodify=%s mfinalmodify=%s '
                  'sortop=%s transtype=%s transspace=%s mtranstype=%s mtransspace=%s initval=%s minitval=%s',
                  p.proowner::regrole, p.proacl, p.proparallel, p.provolatile, p.proisstrict,
                  p.prorettype::regtype, a.aggkind, a.aggnumdirectargs,
                  a.aggtransfn::regprocedure, nullif(a.aggfinalfn, 0)::regprocedure,
                  nullif(a.aggcombinefn, 0)::regprocedure, nullif(a.aggserialfn, 0)::regprocedure,
                  nullif(a.aggdeserialfn, 0)::regprocedure, nullif(a.aggmtransfn, 0)::regprocedure,
                  nullif(a.aggminvtransfn, 0)::regprocedure, nullif(a.aggmfinalfn, 0)::regprocedure,
                  a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
                  nullif(a.aggsortop, 0)::regoperator, a.aggtranstype::regtype, a.aggtransspace,
                  nullif(a.aggmtranstype, 0)::regtype, a.aggmtransspace, a.agginitval, a.aggminitval)
      FROM pg_proc p
      JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
      JOIN pg_aggregate a ON a.aggfnoid = p.oid
    UNION ALL
    -- Types: kind and the fields that make a type what it is.
    SELECT 'type', t.oid::regtype::text,
           format('owner=%s acl=%s type=%s category=%s len=%s byval=%s align=%s storage=%s input=%s output=%s '
                  'receive=%s send=%s basetype=%s typmod=%s notnull=%s default=%s enum=%s',
                  t.typowner::regrole, t.typacl, t.typtype, t.typcategory, t.typlen, t.typbyval, t.typalign,
                  t.typstorage, t.typinput::regproc, t.typoutput::regproc, t.typreceive::regproc,
                  t.typsend::regproc, nullif(t.typbasetype, 0)::regtype, t.typtypmod, t.typnotnull,
                  t.typdefault,
                  (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
      FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
    UNION ALL
    -- Relations: kind, persistence, options, owner, privileges, row security.
    SELECT 'relation', r.name,
           format('kind=%s persistence=%s options=%s owner=%s acl=%s rowsecurity=%s force=%s replident=%s',
                  c.relkind, c.relpersistence, c.reloptions, c.relowner::regrole, c.relacl,
                  c.relrowsecurity, c.relforcerowsecurity, c.relreplident)
      FROM member_rel r JOIN pg_class c ON c.oid = r.oid
    UNION ALL
    SELECT 'view', r.name, pg_get_viewdef(r.oid)
      FROM member_rel r JOIN pg_class c ON c.oid = r.oid
     WHERE c.relkind IN ('v', 'm')
    UNION ALL
    SELECT 'sequence', r.name,
           format('type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owned_by=%s',
                  s.seqtypid::regtype, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                  (SELECT d.refobjid::regclass || '.' || a.attname
                     FROM pg_depend d
                     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.deptype = 'a'
                      AND d.refclassid = 'pg_class'::regclass))
      FROM member_rel r JOIN pg_sequence s ON s.seqrelid = r.oid
    UNION ALL
    -- Columns, with their position among the live ones: SELECT * and
    -- COPY without a column list depend on it, so a column an update
    -- script adds must come last in the install script's table too.
    SELECT 'column', r.name || '.' || quote_ident(a.attname),
           format('position=%s type=%s notnull=%s default=%s identity=%s generated=%s collation=%s acl=%s options=%s',
                  rank() OVER (PARTITION BY a.attrelid ORDER BY a.attnum), format_type(a.atttypid, a.atttypmod),
                  a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
                  CASE WHEN a.attcollation <> 0 THEN a.attcollation::regcollation::text END, a.attacl,
                  -- The server of these tests stamps each column it creates
                  -- with an option pg_attver=<number> that differs from one
                  -- CREATE to the next: left out.
                  (SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%'))
      FROM column_rel r
      JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    UNION ALL
    SELECT 'constraint', r.name || ' ' || quote_ident(co.conname),
           format('%s deferrable=%s deferred=%s validated=%s', pg_get_constraintdef(co.oid),
                  co.condeferrable, co.condeferred, co.convalidated)
      FROM member_rel r JOIN pg_constraint co ON co.conrelid = r.oid
    UNION ALL
    SELECT 'constraint', t.oid::regtype || ' ' || quote_ident(co.conname), pg_get_constraintdef(co.oid)
      FROM pg_type t
      JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
      JOIN pg_constraint co ON co.contypid = t.oid
    UNION ALL
    SELECT 'index', r.name || ' ' || quote_ident(ic.relname),
           format('%s clustered=%s replident=%s', pg_get_indexdef(i.indexrelid), i.indisclustered, i.indisreplident)
      FROM member_rel r
      JOIN pg_index i ON i.indrelid = r.oid
      JOIN pg_class ic ON ic.oid = i.indexrelid
    UNION ALL
    -- Triggers the extension created (not the ones behind foreign keys,
    -- whose names carry OIDs; the constraints section covers those).
    SELECT 'trigger', r.name || ' ' || quote_ident(tg.tgname),
           format('%s enabled=%s', pg_get_triggerdef(tg.oid), tg.tgenabled)
      FROM member_rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid
     WHERE NOT tg.tgisinternal
    UNION ALL
    SELECT 'rule', r.name || ' ' || quote_ident(rw.rulename), pg_get_ruledef(rw.oid)
      FROM member_rel r JOIN pg_rewrite rw ON rw.ev_class = r.oid
     WHERE rw.rulename <> '_RETURN'
    UNION ALL
    SELECT 'policy', r.name || ' ' || quote_ident(po.polname),
           format('cmd=%s permissive=%s roles=%s using=%s check=%s', po.polcmd, po.polpermissive,
                  (SELECT string_agg(CASE WHEN ro = 0 THEN 'public' ELSE ro::regrole::text END, ',' ORDER BY 1)
                     FROM unnest(po.polroles) ro),
                  pg_get_expr(po.polqual, po.polrelid), pg_get_expr(po.polwithcheck, po.polrelid))
      FROM member_rel r JOIN pg_policy po ON po.polrelid = r.oid
    UNION ALL
    -- Event triggers: all of the database's, members or not (a guard
    -- created outside the extension counts as well), and whether each is a
    -- member.
    SELECT 'event trigger', quote_ident(et.evtname),
           format('event=%s function=%s enabled=%s tags=%s owner=%s member=%s',
                  et.evtevent, et.evtfoid::regprocedure, et.evtenabled, et.evttags, et.evtowner::regrole,
                  EXISTS (SELECT FROM member m WHERE m.classid = 'pg_event_trigger'::regclass AND m.objid = et.oid))
      FROM pg_event_trigger et
    UNION ALL
    -- Comments on every object made after initdb: members, their columns,
    -- indexes, constraints and triggers, the schema, the extension.
    SELECT 'comment', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description
      FROM pg_description d
     WHERE d.objoid >= 16384
    UNION ALL
    -- The privileges pg_dump takes as the extension's own (recorded by
    -- GRANT and REVOKE in install and update scripts).
    SELECT 'init privileges', pg_describe_object(ip.classoid, ip.objoid, ip.objsubid),
           format('%s %s', ip.privtype, ip.initprivs)
      FROM pg_init_privs ip
     WHERE ip.objoid >= 16384
    UNION ALL
    SELECT 'default privileges',
           format('%s in %s on %s', da.defaclrole::regrole, coalesce(da.defaclnamespace::regnamespace::text, '<all>'),
                  da.defaclobjtype),
           da.defaclacl::text
      FROM pg_default_acl da
) s
ORDER BY section COLLATE "C", key COLLATE "C", detail COLLATE "C"
) TO STDOUT;
