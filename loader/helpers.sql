-- airesilience loader (loader/public.sql): the helpers every dataset's file
-- uses.  Temporary objects: they vanish with the session.

------------------------------------------------------------------------------
-- Helpers (temporary: they vanish with the session)
------------------------------------------------------------------------------

-- Header names of each staged file, by column.
CREATE TEMP TABLE staged_column (
    file     text NOT NULL,
    position integer NOT NULL,
    name     text NOT NULL,
    header   text NOT NULL,
    PRIMARY KEY (file, name)
) ON COMMIT DROP;

-- Data rows read from each file, and its progress line once done.
CREATE TEMP TABLE staged_file (
    file     text PRIMARY KEY,
    read     bigint NOT NULL,
    progress text
) ON COMMIT DROP;

-- Creates the staging table of a delimited file: one text column per
-- published column (names[i] for the header headers[i]) and the line number
-- in the file.  Returns the \copy command that fills it; the script runs it
-- through \gset.  The header is staged as line 1 and compared by
-- check_header(), which works on every PostgreSQL version (COPY's HEADER
-- MATCH needs 15).
CREATE FUNCTION pg_temp.stage(file text, names text[], headers text[])
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    delimiter text := CASE WHEN file ~ '\.csv$' THEN ',' ELSE E'\t' END;
    column_list text;
BEGIN
    SELECT string_agg(format('%I', n), ', ' ORDER BY i) INTO column_list
      FROM unnest(names) WITH ORDINALITY AS u(n, i);
    EXECUTE format('CREATE TEMP TABLE %I (line bigint GENERATED ALWAYS AS IDENTITY, %s) ON COMMIT DROP',
                   file, (SELECT string_agg(format('%I text', n), ', ' ORDER BY i)
                            FROM unnest(names) WITH ORDINALITY AS u(n, i)));
    INSERT INTO pg_temp.staged_column
    SELECT file, i, n, headers[i] FROM unnest(names) WITH ORDINALITY AS u(n, i);
    RETURN format('\copy pg_temp.%I (%s) FROM %L WITH (FORMAT csv, DELIMITER %L)',
                  file, column_list, file, delimiter);
END
$$;

-- A file read line by line (scores.json): CSV mode with a delimiter and a
-- quote character that do not occur in text, so no byte is interpreted.
CREATE FUNCTION pg_temp.stage_lines(file text)
RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TEMP TABLE %I (line bigint GENERATED ALWAYS AS IDENTITY, text text) ON COMMIT DROP', file);
    RETURN format('\copy pg_temp.%I (text) FROM %L WITH (FORMAT csv, DELIMITER E''\x01'', QUOTE E''\x02'')',
                  file, file);
END
$$;

CREATE FUNCTION pg_temp.fail(file text, line bigint, message text, errcode text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'file "%", line %: %', file, line, message USING ERRCODE = errcode;
END
$$;

-- A value as it appears in a message: quoted, and cut when long.
CREATE FUNCTION pg_temp.shown(value text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN 'empty'
                WHEN length(value) > 60 THEN '"' || left(value, 57) || '..."'
                ELSE '"' || value || '"' END
$$;

-- Raises the error of the first line (in file order) where bad_if holds.
-- bad_if and message are SQL expressions over the staging table, alias t.
CREATE FUNCTION pg_temp.reject(file text, bad_if text, message text, errcode text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    EXECUTE format('SELECT t.line, %s AS message FROM pg_temp.%I t WHERE %s ORDER BY t.line LIMIT 1',
                   message, file, bad_if)
       INTO bad;
    IF bad.line IS NOT NULL THEN
        PERFORM pg_temp.fail(file, bad.line, bad.message, errcode);
    END IF;
END
$$;

CREATE FUNCTION pg_temp.header(file text, name text)
RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT header FROM pg_temp.staged_column c WHERE c.file = $1 AND c.name = $2
$$;

-- The header line must be the published one, and data must follow.  The
-- header line is then removed, so that the checks and casts that follow
-- only ever see data.
CREATE FUNCTION pg_temp.check_header(file text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    found text[];
    expected text[];
    column_number integer;
    data_rows bigint;
BEGIN
    SELECT array_agg(header ORDER BY position) INTO expected
      FROM pg_temp.staged_column c WHERE c.file = check_header.file;
    EXECUTE format('SELECT ARRAY[%s] FROM pg_temp.%I WHERE line = 1',
                   (SELECT string_agg(format('coalesce(%I, %L)', name, ''), ', ' ORDER BY position)
                      FROM pg_temp.staged_column c WHERE c.file = check_header.file),
                   file)
       INTO found;
    IF found IS NULL THEN
        RAISE EXCEPTION 'file "%" is empty', file
            USING ERRCODE = 'data_exception', DETAIL = 'A header line was expected.';
    END IF;
    IF found IS DISTINCT FROM expected THEN
        SELECT min(i) INTO column_number FROM generate_subscripts(expected, 1) i
         WHERE found[i] IS DISTINCT FROM expected[i];
        RAISE EXCEPTION 'file "%", line 1: the header is not the published one', file
            USING ERRCODE = 'data_exception',
                  DETAIL = format('Column %s is "%s" where "%s" was expected.',
                                  column_number, found[column_number], expected[column_number]);
    END IF;
    EXECUTE format('DELETE FROM pg_temp.%I WHERE line = 1', file);
    EXECUTE format('SELECT count(*) FROM pg_temp.%I', file) INTO data_rows;
    IF data_rows = 0 THEN
        RAISE EXCEPTION 'file "%" has no data lines', file USING ERRCODE = 'data_exception';
    END IF;
    INSERT INTO pg_temp.staged_file (file, read) VALUES (file, data_rows);
END
$$;

-- Value checks.  Empty fields are NULL; optional => NULL is accepted.
CREATE FUNCTION pg_temp.require_text(file text, col text, pattern text, what text, optional boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT optional THEN
        PERFORM pg_temp.reject(file, format('t.%I IS NULL', col),
                               format('%L', pg_temp.header(file, col) || ' is missing'), '23502');
    END IF;
    PERFORM pg_temp.reject(file, format('t.%I !~ %L', col, pattern),
        format('format(%L, pg_temp.shown(t.%I))', pg_temp.header(file, col) || ' %s is not ' || what, col),
        '22P02');
END
$$;

-- A number (or an integer) between low and high.  Checked as text first, so
-- that the casts of every later step cannot fail.
CREATE FUNCTION pg_temp.require_number(file text, col text, low numeric, high numeric,
                                       optional boolean DEFAULT false, integral boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_temp.require_text(file, col,
        CASE WHEN integral THEN '^[+-]?[0-9]{1,15}$'
             ELSE '^[+-]?([0-9]{1,15}\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$' END,
        CASE WHEN integral THEN 'an integer' ELSE 'a number' END, optional);
    PERFORM pg_temp.reject(file,
        format('t.%I::numeric NOT BETWEEN %s AND %s', col, low, high),
        format('format(%L, pg_temp.shown(t.%I))',
               pg_temp.header(file, col) || format(' %%s is out of range (%s to %s)', low, high), col),
        '22003');
END
$$;

-- No two lines with the same key (an SQL expression over alias t); lines
-- whose key has an empty part are not compared.
CREATE FUNCTION pg_temp.require_unique(file text, key text, what text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    EXECUTE format('SELECT line, first FROM (SELECT t.line, min(t.line) OVER (PARTITION BY %s) AS first
                                               FROM pg_temp.%I t WHERE ROW(%s) IS NOT NULL) d
                     WHERE line <> first ORDER BY line LIMIT 1', key, file, key)
       INTO bad;
    IF bad.line IS NOT NULL THEN
        PERFORM pg_temp.fail(file, bad.line, format('duplicate %s (first on line %s)', what, bad.first),
                             '23505');
    END IF;
END
$$;

-- Records and returns the progress line of a file: rows read, loaded,
-- skipped with a reason per kind of skip, and what they became.
CREATE FUNCTION pg_temp.progress(file text, loaded bigint, skipped text[][], result text)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    read bigint;
    line text;
    total_skipped bigint := 0;
    i integer;
BEGIN
    SELECT f.read INTO read FROM pg_temp.staged_file f WHERE f.file = progress.file;
    line := format('%s: %s read, %s loaded', file, read, loaded);
    FOR i IN 1 .. coalesce(array_length(skipped, 1), 0) LOOP
        IF skipped[i][1]::bigint > 0 THEN
            line := line || format(', %s skipped (%s)', skipped[i][1], skipped[i][2]);
            total_skipped := total_skipped + skipped[i][1]::bigint;
        END IF;
    END LOOP;
    IF read IS DISTINCT FROM loaded + total_skipped THEN
        RAISE EXCEPTION 'loader bug: "%": % read, % loaded, % skipped', file, read, loaded, total_skipped;
    END IF;
    IF result IS NOT NULL THEN
        line := line || ' -> ' || result;
    END IF;
    UPDATE pg_temp.staged_file f SET progress = line WHERE f.file = progress.file;
    RETURN line;
END
$$;

-- Shorthands for the codes and references most files carry.
CREATE FUNCTION pg_temp.require_onet_code(file text, col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.require_text(file, col, '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$', 'an O*NET-SOC code (NN-NNNN.NN)')
$$;

CREATE FUNCTION pg_temp.require_soc_code(file text, col text, optional boolean DEFAULT false)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.require_text(file, col, '^[0-9]{2}-[0-9]{4}$', 'a 6-digit SOC code (NN-NNNN)', optional)
$$;

-- Between O*NET files, an unknown occupation or task is an error.
CREATE FUNCTION pg_temp.require_occupation(file text, col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.reject(file,
        format('NOT EXISTS (SELECT FROM pg_temp.new_occupation o WHERE o.onet_code = t.%I)', col),
        format('format(%L, pg_temp.shown(t.%I))',
               pg_temp.header(file, col) || ' %s is not in "onet/Occupation Data.txt"', col),
        '23503')
$$;

CREATE FUNCTION pg_temp.require_task(file text, code_col text, task_col text)
RETURNS void
LANGUAGE sql AS $$
    SELECT pg_temp.reject(file,
        format('NOT EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = t.%I AND n.task_id = t.%I::integer)',
               code_col, task_col),
        format('format(%L, t.%I, t.%I)', 'task %s of %s is not in "onet/Task Statements.txt"', task_col, code_col),
        '23503')
$$;


-- The source values every dataset's file adds to, applied by apply.sql.
CREATE TEMP TABLE new_source_value (
    onet_code text, source text, raw_value float8, PRIMARY KEY (onet_code, source)
) ON COMMIT DROP;
