-- test/search_path/generate.sql: the attacker's shopping list.
--
-- Run by test/search_path.t as superuser in a reference database where
-- CREATE EXTENSION airesilience CASCADE has been run and nothing was
-- planted.  Input: the temporary table attack_source (origin, body), which
-- the .t fills with the text of the install and update scripts and the
-- string literals of src/*.c (the SQL the C code runs through SPI).
-- Output: the table public.attack_plant, one row per object to plant, which the
-- .t copies to the target databases, where the unprivileged role creates
-- the objects with test/search_path/plant.sql.
--
-- Nothing here is hand-picked: names come from the catalog and the
-- extension's own text, intersected with what exists in the catalog.
--
--   Operator names: the operators of every expression the catalog stores for
--   the extension's objects (views' rewrite rules, column defaults, CHECK
--   constraints, index expressions, SQL-standard function bodies: node trees,
--   read for ":opno N"; pg_depend does not record pinned pg_catalog
--   objects), plus every substring (up to 5 characters) of each run of
--   operator characters in the source text (the lexer's split of '>=-1' is
--   not known here, so every split counts), plus the operators that SQL
--   keywords stand for (LIKE is ~~, BETWEEN is >= and <=, IN and CASE and
--   NULLIF and IS DISTINCT FROM are =), each kept when pg_catalog or pg_trgm
--   has an operator of that name.
--   Function names: the functions and aggregates of the stored expressions
--   (":funcid", ":aggfnoid"), plus every identifier of the source text
--   that names a function or aggregate of pg_catalog, pg_trgm or the
--   extension itself (a function of the extension called unqualified, by a
--   caller whose search_path lacks the extension's schema, finds a
--   look-alike in public).
--   Types: the column types of the extension's tables, views and composite
--   types; the argument and result types of its functions; the types of the
--   values in its stored expressions (":vartype", ":consttype", result
--   types); the types named in casts (::type) in its text; and the everyday
--   types literals and catalog columns have (int2, int4, int8, float4,
--   float8, numeric, text, varchar, name, oid, bool, jsonb).  Kept: base
--   types of pg_catalog, which the unprivileged role may use.
--
-- Plants, each tried cleanly here first (a probe: the expression over the
-- columns of an empty table with one column per type, so that nothing is
-- evaluated, the real object named with its schema): only combinations
-- that resolve without plants are planted, each returning the type the
-- clean expression has, so that a plant can take the place of the real
-- object without the query noticing:
--   * for each operator name, a binary operator for every (left, right) pair
--     of the type set and a prefix operator for every type; plus each
--     pg_catalog/pg_trgm operator of that name whose arguments are
--     polymorphic, exactly;
--   * for each function or aggregate name, each signature of that name in
--     pg_catalog, pg_trgm or the extension: exactly (when its types are in
--     the type set or polymorphic), and every variant whose arguments are
--     drawn from the type set, each one either the declared type or a type
--     that casts implicitly to it (polymorphic and "any" arguments: any type
--     of the set of the right kind).  Where the product of the choices
--     exceeds 150, the variants change one argument at a time.  A VARIADIC
--     "any" signature (format, jsonb_build_object) becomes VARIADIC t[] for
--     each scalar type t of the set and explicit lists of one and two
--     arguments of the set.
--   Left out, counted in attack_skipped: window functions (only C can
--   define one), hypothetical-set aggregates and functions with arguments
--   of pseudo-types PL/pgSQL cannot take (internal, cstring, "any" outside a
--   VARIADIC), functions returning one record through OUT parameters, and
--   polymorphic aggregates exactly (their state type cannot be expressed).
\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;
SET client_min_messages = warning;

CREATE TEMP TABLE attack_member AS
SELECT d.classid, d.objid
  FROM pg_depend d
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
 WHERE e.extname = 'airesilience' AND d.deptype = 'e';

CREATE TEMP TABLE attack_trgm_member AS
SELECT d.classid, d.objid
  FROM pg_depend d
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
 WHERE e.extname = 'pg_trgm' AND d.deptype = 'e';

-- What the extension's code can reach by name; impl is how a plant calls
-- the real one (@TRGM@: pg_trgm's schema, filled in when planting).
CREATE TEMP TABLE attack_lib_proc AS
SELECT p.oid, p.proname::text AS proname,
       CASE WHEN p.pronamespace = 'pg_catalog'::regnamespace THEN 'pg_catalog'
            WHEN (SELECT true FROM attack_trgm_member m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid) THEN '@TRGM@'
            ELSE 'airesilience' END AS impl
  FROM pg_proc p
 WHERE p.pronamespace = 'pg_catalog'::regnamespace
    OR p.oid IN (SELECT objid FROM attack_trgm_member WHERE classid = 'pg_proc'::regclass)
    OR p.oid IN (SELECT objid FROM attack_member WHERE classid = 'pg_proc'::regclass);

CREATE TEMP TABLE attack_lib_oper AS
SELECT o.oid, o.oprname::text AS oprname, o.oprleft, o.oprright,
       CASE WHEN o.oprnamespace = 'pg_catalog'::regnamespace THEN 'pg_catalog' ELSE '@TRGM@' END AS impl
  FROM pg_operator o
 WHERE o.oprnamespace = 'pg_catalog'::regnamespace
    OR o.oid IN (SELECT objid FROM attack_trgm_member WHERE classid = 'pg_operator'::regclass);

-- The extension's functions' bodies join the text the .t loaded.
INSERT INTO attack_source (origin, body)
SELECT 'pg_proc ' || p.oid::regprocedure, p.prosrc
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE l.lanname IN ('sql', 'plpgsql')
   AND p.oid IN (SELECT objid FROM attack_member WHERE classid = 'pg_proc'::regclass);

-- Stored expressions of the extension's objects, as node-tree text.
CREATE TEMP TABLE attack_tree AS
WITH rel AS (SELECT objid FROM attack_member WHERE classid = 'pg_class'::regclass)
SELECT 'rule ' || r.rulename || ' on ' || r.ev_class::regclass AS origin, r.ev_action::text AS tree
  FROM pg_rewrite r WHERE r.ev_class IN (SELECT objid FROM rel)
UNION ALL
SELECT 'default of ' || d.adrelid::regclass, d.adbin::text FROM pg_attrdef d WHERE d.adrelid IN (SELECT objid FROM rel)
UNION ALL
SELECT 'constraint ' || c.conname, c.conbin::text FROM pg_constraint c
 WHERE c.conbin IS NOT NULL
   AND (c.conrelid IN (SELECT objid FROM rel)
        OR c.contypid IN (SELECT objid FROM attack_member WHERE classid = 'pg_type'::regclass))
UNION ALL
SELECT 'index ' || i.indexrelid::regclass, concat(i.indexprs::text, ' ', i.indpred::text) FROM pg_index i
 WHERE i.indrelid IN (SELECT objid FROM rel) AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)
UNION ALL
SELECT 'trigger ' || t.tgname, t.tgqual::text FROM pg_trigger t
 WHERE t.tgrelid IN (SELECT objid FROM rel) AND t.tgqual IS NOT NULL
UNION ALL
SELECT 'function ' || p.oid::regprocedure, p.prosqlbody::text FROM pg_proc p
 WHERE p.prosqlbody IS NOT NULL AND p.oid IN (SELECT objid FROM attack_member WHERE classid = 'pg_proc'::regclass);

CREATE TEMP TABLE attack_token AS
SELECT DISTINCT m[1] AS token
  FROM attack_source s, regexp_matches(lower(s.body), '[a-z_][a-z0-9_$]*', 'g') m;

-- Operator names.
CREATE TEMP TABLE attack_opname (name text, why text);
INSERT INTO attack_opname
SELECT DISTINCT o.oprname, 'stored expression'
  FROM attack_tree t, regexp_matches(t.tree, ':opno (\d+)', 'g') m
  JOIN attack_lib_oper o ON o.oid = m[1]::oid;
INSERT INTO attack_opname
SELECT DISTINCT o.oprname, 'source text'
  FROM (SELECT DISTINCT m[1] AS run
          FROM attack_source s, regexp_matches(s.body, '[-+*/<>=~!@#%^&|`?]+', 'g') m) r,
       generate_series(1, length(r.run)) i,
       generate_series(1, least(5, length(r.run) - i + 1)) n,
       attack_lib_oper o
 WHERE o.oprname = substr(r.run, i, n);
INSERT INTO attack_opname
SELECT DISTINCT k.op, 'keyword ' || k.word
  FROM (VALUES ('like', '~~'), ('like', '!~~'), ('ilike', '~~*'), ('ilike', '!~~*'), ('similar', '~'),
               ('between', '>='), ('between', '<='), ('in', '='), ('in', '<>'), ('case', '='),
               ('nullif', '='), ('distinct', '='), ('any', '='), ('all', '<>')) k (word, op)
  JOIN attack_token t ON t.token = k.word;

-- Function and aggregate names.
CREATE TEMP TABLE attack_fnname (name text, why text);
INSERT INTO attack_fnname
SELECT DISTINCT p.proname, 'stored expression'
  FROM attack_tree t, regexp_matches(t.tree, ':(?:funcid|aggfnoid|winfnoid) (\d+)', 'g') m
  JOIN attack_lib_proc p ON p.oid = m[1]::oid;
INSERT INTO attack_fnname
SELECT DISTINCT p.proname, 'source text'
  FROM attack_token t JOIN attack_lib_proc p ON p.proname = t.token;

-- The type set.
CREATE TEMP TABLE attack_type_seen (t oid, why text);
INSERT INTO attack_type_seen
SELECT a.atttypid, 'column of ' || a.attrelid::regclass
  FROM pg_attribute a
 WHERE a.attnum > 0 AND NOT a.attisdropped
   AND (a.attrelid IN (SELECT objid FROM attack_member WHERE classid = 'pg_class'::regclass)
        OR a.attrelid IN (SELECT typrelid FROM pg_type
                           WHERE oid IN (SELECT objid FROM attack_member WHERE classid = 'pg_type'::regclass)));
INSERT INTO attack_type_seen
SELECT x.t, 'signature of ' || p.oid::regprocedure
  FROM pg_proc p,
       LATERAL (SELECT unnest(p.proargtypes::oid[]) UNION SELECT unnest(p.proallargtypes) UNION SELECT p.prorettype) x (t)
 WHERE p.oid IN (SELECT objid FROM attack_member WHERE classid = 'pg_proc'::regclass);
INSERT INTO attack_type_seen
SELECT DISTINCT m[2]::oid, 'stored expression'
  FROM attack_tree t,
       regexp_matches(t.tree, ':(vartype|consttype|resulttype|opresulttype|funcresulttype|aggtype|wintype|minmaxtype|coalescetype|casetype|arraytypeid|element_typeid) (\d+)', 'g') m;
INSERT INTO attack_type_seen
SELECT DISTINCT to_regtype(m[1] || coalesce(m[2], '')), 'cast in source text'
  FROM attack_source s,
       regexp_matches(lower(s.body), '::\s*([a-z_][a-z0-9_]*(?:\s+precision|\s+varying)?)\s*(\[\])?', 'g') m
 WHERE to_regtype(m[1] || coalesce(m[2], '')) IS NOT NULL;
INSERT INTO attack_type_seen
SELECT t::regtype, 'everyday type'
  FROM unnest('{int2,int4,int8,float4,float8,numeric,text,varchar,name,oid,bool,jsonb}'::text[]) t;

CREATE TEMP TABLE attack_type AS
SELECT DISTINCT s.t, ty.typelem <> 0 AND ty.typcategory = 'A' AS is_array
  FROM attack_type_seen s JOIN pg_type ty ON ty.oid = s.t
 WHERE ty.typtype = 'b' AND ty.typnamespace = 'pg_catalog'::regnamespace;

-- Temporary tables have no statistics until analyzed; without them the
-- joins below are planned as nested loops over thousands of rows.
ANALYZE attack_member, attack_trgm_member, attack_lib_proc, attack_lib_oper, attack_opname, attack_fnname, attack_type;

-- Implicit casts, and the array casts they imply.
CREATE TEMP TABLE attack_icast AS
SELECT c.castsource AS s, c.casttarget AS d
  FROM pg_cast c WHERE c.castcontext = 'i' AND c.castsource <> c.casttarget
UNION
SELECT a.typarray, b.typarray
  FROM pg_cast c JOIN pg_type a ON a.oid = c.castsource JOIN pg_type b ON b.oid = c.casttarget
 WHERE c.castcontext = 'i' AND c.castsource <> c.casttarget AND a.typarray <> 0 AND b.typarray <> 0;

-- attack_cand (d, t): the types of the set that may stand for an argument
-- declared as d, for every argument type of the functions and operators
-- named.
CREATE TEMP TABLE attack_cand AS
WITH decl AS (
    SELECT x AS d
      FROM pg_proc p, unnest(p.proargtypes::oid[]) x
     WHERE p.oid IN (SELECT oid FROM attack_lib_proc WHERE proname IN (SELECT name FROM attack_fnname))
    UNION
    SELECT x FROM attack_lib_oper o, LATERAL (VALUES (o.oprleft), (o.oprright)) v (x)
     WHERE o.oprname IN (SELECT name FROM attack_opname) AND x <> 0)
SELECT decl.d, t.t
  FROM decl, attack_type t
 WHERE t.t = decl.d
    OR (decl.d IN ('anyelement'::regtype, 'anycompatible'::regtype, '"any"'::regtype))
    OR (decl.d IN ('anynonarray'::regtype, 'anycompatiblenonarray'::regtype) AND NOT t.is_array)
    OR (decl.d IN ('anyarray'::regtype, 'anycompatiblearray'::regtype) AND t.is_array)
    OR (t.t, decl.d) IN (SELECT s, d FROM attack_icast);
ANALYZE attack_cand;

CREATE TEMP TABLE attack_skipped (what text, reason text);
-- Variants that do not resolve cleanly (most are simply not valid).
CREATE TEMP TABLE attack_probe_failed (probe text, error text);

CREATE TABLE public.attack_plant (
    id        serial PRIMARY KEY,
    kind      text NOT NULL,     -- operator, prefix, function, aggregate
    name      text NOT NULL,
    args      text NOT NULL,     -- the plant's argument list (aggregates: as in CREATE AGGREGATE)
    ret       text NOT NULL,     -- RETURNS clause (aggregates: the state and result type)
    body      text NOT NULL,     -- the statement after the record call; $1.. are the arguments
    sfunc_args text,             -- aggregates: the transition function's arguments
    sig       text NOT NULL,     -- name(types), for the report
    origin    text NOT NULL      -- the catalog object it imitates
);

-- Probes read the columns of a table without rows, so that nothing is
-- evaluated: a scalar subquery over it is NULL of the expression's type.
DO $$
BEGIN
    EXECUTE (SELECT 'CREATE TEMP TABLE attack_empty (' || string_agg(format('c%s %s', x, format_type(x, NULL)), ', ') || ')'
               FROM (SELECT t FROM attack_type
                     UNION SELECT ty.typarray FROM attack_type a JOIN pg_type ty ON ty.oid = a.t
                            WHERE NOT a.is_array AND ty.typarray <> 0) s (x));
END
$$;

-- Argument lists are text arrays of type names, the last one prefixed
-- 'VARIADIC ' where the signature is variadic.
CREATE FUNCTION pg_temp.attack_args(v text[], what text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(CASE what
                          WHEN 'decl' THEN x
                          WHEN 'call' THEN CASE WHEN x LIKE 'VARIADIC %' THEN 'VARIADIC ' ELSE '' END || '$' || o
                          WHEN 'probe' THEN CASE WHEN x LIKE 'VARIADIC %' THEN 'VARIADIC t.c' || substr(x, 10)::regtype::oid
                                                 ELSE 't.c' || x::regtype::oid END
                      END, ', ' ORDER BY o)
      FROM unnest(v) WITH ORDINALITY u (x, o)
$$;

CREATE TEMP TABLE attack_variant (v text[]);

DO $generate$
DECLARE
    opname text;
    l oid;
    r oid;
    res oid;
    impl text;
    f record;
    o record;
    v text[];
    argtxt text;
    n int;
    i int;
    t oid;
    t2 oid;
    product bigint;
    base text[];
    decl text[];
    outs text;
    has_out boolean;
    outret text;
    direct int;
    aggargs text;
    probe text;
    vprefix text;
BEGIN
    -- Operators: every pair of the type set, for each name.
    FOR opname IN SELECT DISTINCT name FROM attack_opname ORDER BY 1 LOOP
        -- pairs some operator of that name could take (attack_cand), then probed
        FOR l, r IN SELECT DISTINCT a.t, b.t
                      FROM attack_lib_oper lo
                      JOIN attack_cand a ON a.d = lo.oprleft
                      JOIN attack_cand b ON b.d = lo.oprright
                     WHERE lo.oprname = opname
                     ORDER BY 1, 2 LOOP
            res := NULL;
            FOREACH impl IN ARRAY ARRAY['pg_catalog', 'public'] LOOP
                BEGIN
                    EXECUTE format('SELECT pg_typeof((SELECT t.c%s OPERATOR(%s.%s) t.c%s FROM attack_empty t))::oid',
                                   l, impl, opname, r) INTO res;
                EXCEPTION WHEN OTHERS THEN res := NULL;
                END;
                EXIT WHEN res IS NOT NULL;
            END LOOP;
            CONTINUE WHEN res IS NULL;
            INSERT INTO public.attack_plant (kind, name, args, ret, body, sig, origin)
            VALUES ('operator', opname, format_type(l, NULL) || ', ' || format_type(r, NULL), format_type(res, NULL),
                    format('RETURN $1 OPERATOR(%s.%s) $2', CASE impl WHEN 'public' THEN '@TRGM@' ELSE impl END, opname),
                    format('%s(%s,%s)', opname, format_type(l, NULL), format_type(r, NULL)),
                    'operator name ' || opname);
        END LOOP;
        FOR r IN SELECT DISTINCT b.t
                   FROM attack_lib_oper lo
                   JOIN attack_cand b ON b.d = lo.oprright
                  WHERE lo.oprname = opname AND lo.oprleft = 0
                  ORDER BY 1 LOOP
            res := NULL;
            FOREACH impl IN ARRAY ARRAY['pg_catalog', 'public'] LOOP
                BEGIN
                    EXECUTE format('SELECT pg_typeof((SELECT OPERATOR(%s.%s) t.c%s FROM attack_empty t))::oid', impl, opname, r) INTO res;
                EXCEPTION WHEN OTHERS THEN res := NULL;
                END;
                EXIT WHEN res IS NOT NULL;
            END LOOP;
            CONTINUE WHEN res IS NULL;
            INSERT INTO public.attack_plant (kind, name, args, ret, body, sig, origin)
            VALUES ('prefix', opname, format_type(r, NULL), format_type(res, NULL),
                    format('RETURN OPERATOR(%s.%s) $1', CASE impl WHEN 'public' THEN '@TRGM@' ELSE impl END, opname),
                    format('%s(NONE,%s)', opname, format_type(r, NULL)),
                    'operator name ' || opname);
        END LOOP;
        -- the polymorphic operators of that name, exactly
        FOR o IN SELECT lo.oid, lo.oprleft, lo.oprright, lo.impl, op.oprresult
                   FROM attack_lib_oper lo JOIN pg_operator op ON op.oid = lo.oid
                  WHERE lo.oprname = opname
                    AND EXISTS (SELECT FROM pg_type WHERE oid IN (lo.oprleft, lo.oprright) AND typtype = 'p')
                    AND NOT EXISTS (SELECT FROM pg_type
                                     WHERE oid IN (lo.oprleft, lo.oprright)
                                       AND oid IN ('internal'::regtype, 'cstring'::regtype, '"any"'::regtype,
                                                   'record'::regtype, 'unknown'::regtype)) LOOP
            INSERT INTO public.attack_plant (kind, name, args, ret, body, sig, origin)
            VALUES (CASE WHEN o.oprleft = 0 THEN 'prefix' ELSE 'operator' END, opname,
                    CASE WHEN o.oprleft = 0 THEN format_type(o.oprright, NULL)
                         ELSE format_type(o.oprleft, NULL) || ', ' || format_type(o.oprright, NULL) END,
                    format_type(o.oprresult, NULL),
                    CASE WHEN o.oprleft = 0 THEN format('RETURN OPERATOR(%s.%s) $1', o.impl, opname)
                         ELSE format('RETURN $1 OPERATOR(%s.%s) $2', o.impl, opname) END,
                    o.oid::regoperator::text, 'exact ' || o.oid::regoperator);
        END LOOP;
    END LOOP;

END
$generate$;

DO $generate$
DECLARE
    res oid;
    f record;
    v text[];
    argtxt text;
    n int;
    i int;
    t oid;
    t2 oid;
    product bigint;
    base text[];
    decl text[];
    outs text;
    has_out boolean;
    outret text;
    direct int;
    aggargs text;
    probe text;
    vprefix text;
BEGIN
    -- Functions and aggregates.
    FOR f IN SELECT p.oid, p.proname, p.prokind, p.pronargs, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes, p.proretset,
                    p.provariadic, p.prorettype, p.proallargtypes, p.proargmodes, p.proargnames, lp.impl,
                    a.aggkind, a.aggnumdirectargs
               FROM attack_lib_proc lp
               JOIN pg_proc p ON p.oid = lp.oid
               LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
              WHERE lp.proname IN (SELECT name FROM attack_fnname)
              ORDER BY p.proname, p.oid LOOP
        IF f.prokind = 'w' THEN
            INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'window function: only C can define one');
            CONTINUE;
        END IF;
        IF f.aggkind = 'h' THEN
            INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'hypothetical-set aggregate');
            CONTINUE;
        END IF;
        IF EXISTS (SELECT FROM unnest(f.argtypes) x
                    WHERE x IN ('internal'::regtype, 'cstring'::regtype, 'record'::regtype, 'unknown'::regtype,
                                'anyenum'::regtype, 'anyrange'::regtype, 'anymultirange'::regtype,
                                'anycompatiblerange'::regtype, 'anycompatiblemultirange'::regtype, 'trigger'::regtype)
                       OR (x = '"any"'::regtype AND f.provariadic <> '"any"'::regtype))
           OR f.prorettype IN ('internal'::regtype, 'cstring'::regtype, 'trigger'::regtype) THEN
            INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'argument or result of a pseudo-type PL/pgSQL cannot take');
            CONTINUE;
        END IF;
        has_out := f.proargmodes IS NOT NULL AND ('o' = ANY (f.proargmodes) OR 't' = ANY (f.proargmodes));
        IF has_out AND NOT f.proretset THEN
            INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'returns one record through OUT parameters');
            CONTINUE;
        END IF;
        -- A set of rows: RETURNS TABLE (...) as declared, or the OUT
        -- parameters added to the arguments.
        outs := '';
        outret := NULL;
        IF has_out THEN
            IF 't' = ANY (f.proargmodes) OR (SELECT count(*) FROM unnest(f.proargmodes) m WHERE m = 'o') = 1 THEN
                outret := pg_get_function_result(f.oid);
            ELSE
                outret := 'SETOF record';
                SELECT string_agg(', OUT ' || quote_ident(coalesce(f.proargnames[j], 'c' || j)) || ' '
                                  || format_type(f.proallargtypes[j], NULL), '' ORDER BY j)
                  INTO outs
                  FROM generate_subscripts(f.proargmodes, 1) j
                 WHERE f.proargmodes[j] = 'o';
            END IF;
        END IF;
        n := f.pronargs;
        vprefix := CASE WHEN f.provariadic <> 0 THEN 'VARIADIC ' ELSE '' END;
        decl := ARRAY(SELECT format_type(x, NULL) FROM unnest(f.argtypes) x);
        IF vprefix <> '' THEN
            decl[n] := vprefix || decl[n];
        END IF;

        -- The variants, one row of attack_variant each.
        DELETE FROM attack_variant;
        IF f.provariadic = '"any"'::regtype THEN
            -- fixed arguments as declared; the variadic part as t[], t, and (t1, t2)
            base := decl[1:n - 1];
            FOR t IN SELECT x.t FROM attack_type x WHERE NOT x.is_array ORDER BY 1 LOOP
                INSERT INTO attack_variant VALUES (base || format_type(t, NULL));
                IF (SELECT typarray FROM pg_type WHERE oid = t) <> 0 THEN
                    INSERT INTO attack_variant VALUES (base || ('VARIADIC ' || format_type((SELECT typarray FROM pg_type WHERE oid = t), NULL)));
                END IF;
                FOR t2 IN SELECT x.t FROM attack_type x WHERE NOT x.is_array ORDER BY 1 LOOP
                    INSERT INTO attack_variant VALUES (base || format_type(t, NULL) || format_type(t2, NULL));
                END LOOP;
            END LOOP;
        ELSE
            product := 1;
            FOR i IN 1 .. n LOOP
                product := product * (SELECT count(*) FROM attack_cand c WHERE c.d = f.argtypes[i]);
            END LOOP;
            IF n = 0 THEN
                INSERT INTO attack_variant VALUES ('{}');
            ELSIF product = 0 THEN
                INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'an argument type no type of the set can stand for');
            ELSIF product <= 150 THEN
                FOR v IN
                    WITH RECURSIVE c (pos, types) AS (
                        SELECT 0, ARRAY[]::text[]
                        UNION ALL
                        SELECT c.pos + 1, c.types || (CASE WHEN c.pos + 1 = n THEN vprefix ELSE '' END || format_type(x.t, NULL))
                          FROM c JOIN attack_cand x ON x.d = f.argtypes[c.pos + 1]
                         WHERE c.pos < n)
                    SELECT types FROM c WHERE pos = n LOOP
                    INSERT INTO attack_variant VALUES (v);
                END LOOP;
            ELSE
                -- one argument at a time, the others as declared (or, when
                -- declared polymorphic, the first candidate)
                base := '{}';
                FOR i IN 1 .. n LOOP
                    base := base || (CASE WHEN i = n THEN vprefix ELSE '' END
                                     || format_type(coalesce((SELECT x.t FROM attack_cand x WHERE x.d = f.argtypes[i]
                                                               AND x.t = f.argtypes[i]),
                                                              (SELECT min(x.t) FROM attack_cand x WHERE x.d = f.argtypes[i])), NULL));
                END LOOP;
                INSERT INTO attack_variant VALUES (base);
                FOR i IN 1 .. n LOOP
                    FOR t IN SELECT x.t FROM attack_cand x WHERE x.d = f.argtypes[i] LOOP
                        v := base;
                        v[i] := CASE WHEN i = n THEN vprefix ELSE '' END || format_type(t, NULL);
                        CONTINUE WHEN v = base;
                        INSERT INTO attack_variant VALUES (v);
                    END LOOP;
                END LOOP;
            END IF;
        END IF;

        direct := coalesce(f.aggnumdirectargs, 0);

        -- Exact signature, where polymorphic (concrete ones are among the variants).
        IF EXISTS (SELECT FROM unnest(f.argtypes) x JOIN pg_type ty ON ty.oid = x WHERE ty.typtype = 'p')
           AND f.provariadic <> '"any"'::regtype THEN
            IF f.prokind = 'a' THEN
                INSERT INTO attack_skipped VALUES (f.oid::regprocedure::text, 'polymorphic aggregate, exactly (its variants are planted)');
            ELSE
                INSERT INTO public.attack_plant (kind, name, args, ret, body, sig, origin)
                VALUES ('function', f.proname, coalesce(pg_temp.attack_args(decl, 'decl'), '') || outs,
                        coalesce(outret, (CASE WHEN f.proretset THEN 'SETOF ' ELSE '' END) || format_type(f.prorettype, NULL)),
                        CASE WHEN f.proretset
                             THEN format('RETURN QUERY SELECT * FROM %s.%I(%s)', f.impl, f.proname, pg_temp.attack_args(decl, 'call'))
                             WHEN f.prorettype = 'void'::regtype
                             THEN format('PERFORM %s.%I(%s)', f.impl, f.proname, pg_temp.attack_args(decl, 'call'))
                             ELSE format('RETURN %s.%I(%s)', f.impl, f.proname, pg_temp.attack_args(decl, 'call')) END,
                        f.oid::regprocedure::text, 'exact ' || f.oid::regprocedure);
            END IF;
        END IF;

        FOR v IN SELECT DISTINCT a.v FROM attack_variant a LOOP
            argtxt := coalesce(pg_temp.attack_args(v, 'decl'), '');
            probe := coalesce(pg_temp.attack_args(v, 'probe'), '');
            IF f.prokind = 'a' AND f.aggkind = 'o' THEN
                -- direct arguments as typed NULLs: they may not read the rows
                probe := format('SELECT pg_typeof((SELECT %s.%I(%s) WITHIN GROUP (ORDER BY %s) FROM attack_empty t))::oid',
                                f.impl, f.proname,
                                (SELECT string_agg('NULL::' || x, ', ') FROM unnest(v[1:direct]) x),
                                pg_temp.attack_args(v[direct + 1:], 'probe'));
            ELSIF f.prokind = 'a' THEN
                probe := format('SELECT pg_typeof((SELECT %s.%I(%s) FROM attack_empty t))::oid', f.impl, f.proname,
                                CASE WHEN n = 0 THEN '*' ELSE probe END);
            ELSE
                probe := format('SELECT pg_typeof((SELECT %s.%I(%s) FROM attack_empty t LIMIT 1))::oid', f.impl, f.proname, probe);
            END IF;
            res := NULL;
            BEGIN
                EXECUTE replace(probe, '@TRGM@', 'public') INTO res;
            EXCEPTION WHEN OTHERS THEN
                res := NULL;
                INSERT INTO attack_probe_failed VALUES (probe, SQLERRM);
            END;
            CONTINUE WHEN res IS NULL;
            IF res IN ('record'::regtype, 'unknown'::regtype) AND NOT has_out THEN
                INSERT INTO attack_skipped VALUES (format('%s(%s)', f.proname, argtxt), 'result of type ' || format_type(res, NULL));
                CONTINUE;
            END IF;
            IF (SELECT typnamespace <> 'pg_catalog'::regnamespace FROM pg_type WHERE oid = res) THEN
                INSERT INTO attack_skipped VALUES (format('%s(%s)', f.proname, argtxt),
                                                   'result of a type of the extension''s schema, which the role may not use');
                CONTINUE;
            END IF;
            IF f.prokind = 'a' THEN
                aggargs := CASE WHEN f.aggkind = 'o'
                                THEN coalesce(pg_temp.attack_args(v[1:direct], 'decl'), '') || ' ORDER BY '
                                     || pg_temp.attack_args(v[direct + 1:], 'decl')
                                WHEN n = 0 THEN '*'
                                ELSE argtxt END;
                INSERT INTO public.attack_plant (kind, name, args, ret, body, sfunc_args, sig, origin)
                VALUES ('aggregate', f.proname, aggargs, format_type(res, NULL), 'RETURN $1',
                        format_type(res, NULL) || coalesce(', ' || CASE WHEN f.aggkind = 'o'
                                                                        THEN pg_temp.attack_args(v[direct + 1:], 'decl')
                                                                        ELSE pg_temp.attack_args(v, 'decl') END, ''),
                        format('%s(%s)', f.proname, aggargs),
                        CASE WHEN decl = v THEN 'exact ' ELSE 'variant of ' END || f.oid::regprocedure);
            ELSE
                INSERT INTO public.attack_plant (kind, name, args, ret, body, sig, origin)
                VALUES ('function', f.proname, argtxt || outs,
                        coalesce(outret, (CASE WHEN f.proretset THEN 'SETOF ' ELSE '' END) || format_type(res, NULL)),
                        CASE WHEN f.proretset
                             THEN format('RETURN QUERY SELECT * FROM %s.%I(%s)', f.impl, f.proname, coalesce(pg_temp.attack_args(v, 'call'), ''))
                             WHEN res = 'void'::regtype
                             THEN format('PERFORM %s.%I(%s)', f.impl, f.proname, coalesce(pg_temp.attack_args(v, 'call'), ''))
                             ELSE format('RETURN %s.%I(%s)', f.impl, f.proname, coalesce(pg_temp.attack_args(v, 'call'), '')) END,
                        format('%s(%s)', f.proname, argtxt),
                        CASE WHEN decl = v THEN 'exact ' ELSE 'variant of ' END || f.oid::regprocedure);
            END IF;
        END LOOP;
    END LOOP;
END
$generate$;

-- One plant per signature (an operator may be both a pair of the set and
-- polymorphic; two signatures may share a variant).
DELETE FROM public.attack_plant a USING public.attack_plant b
 WHERE a.kind = b.kind AND a.name = b.name AND a.args = b.args AND a.id > b.id;
