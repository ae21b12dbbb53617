-- airesilience: the data model.
--
-- Every table is an extension configuration table: pg_dump dumps the rows
-- users load, so they survive dump and restore.  Rows the extension installs
-- itself carry builtin = true, are left out of the dump (CREATE EXTENSION
-- recreates them) and are read-only, so no change to them can be lost.

\echo Use "CREATE EXTENSION airesilience" to load this file. \quit

-- Shared guard for rows the extension owns.  Each table with built-in rows
-- gets this trigger right after its built-in INSERT, so from then on no row
-- can be made, changed into, changed from or removed as a built-in one.
CREATE FUNCTION airesilience.forbid_builtin_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'cannot truncate %.%: it holds built-in rows', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  HINT = 'Delete the rows with builtin = false instead.';
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.builtin THEN
        RAISE EXCEPTION 'cannot % built-in row of %.%', lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  DETAIL = format('The row %s is installed by CREATE EXTENSION.', row_to_json(OLD)),
                  HINT = 'Insert a row under a new name instead.';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.builtin THEN
        RAISE EXCEPTION 'only CREATE EXTENSION can make built-in rows of %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  DETAIL = 'Built-in rows are left out of dumps, so a row made built-in would be lost on restore.',
                  HINT = 'Leave builtin false.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION airesilience.forbid_builtin_change() IS
    'Trigger: keeps the rows installed by the extension read-only, and the others non-built-in';

-- Install-time helper: the four statement-level triggers through which
-- derived data follows a table.  A trigger with transition tables may have
-- only one event, so there is one per event: <prefix>_insert (new_rows),
-- <prefix>_update (old_rows, new_rows), <prefix>_delete (old_rows) and
-- <prefix>_truncate, each running maintain().  src/finish.sql drops it.
CREATE FUNCTION airesilience.create_maintenance_triggers(tbl regclass, prefix text, maintain regproc, keeps text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    ev record;
BEGIN
    FOR ev IN SELECT * FROM (VALUES
            ('insert', 'INSERT', 'REFERENCING NEW TABLE AS new_rows'),
            ('update', 'UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'),
            ('delete', 'DELETE', 'REFERENCING OLD TABLE AS old_rows'),
            ('truncate', 'TRUNCATE', '')) v (suffix, event, transition)
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION %s()',
                       prefix || '_' || ev.suffix, ev.event, tbl, ev.transition, maintain);
        EXECUTE format('COMMENT ON TRIGGER %I ON %s IS %L', prefix || '_' || ev.suffix, tbl,
                       format('Keeps %s current after each %s statement', keeps, ev.event));
    END LOOP;
END
$$;

-- For the maintenance triggers: a query giving the distinct values of key
-- over the rows a statement changed.  INSERT and DELETE change every row
-- they name; an UPDATE changes the rows whose compared columns differ, on
-- either side, so a row it left as it was counts for nothing.  Only the
-- trigger function sees its transition tables, so it runs the query itself,
-- with EXECUTE.  key and compared are column lists of the trigger's table.
CREATE FUNCTION airesilience.changed_keys_query(event text, key text, compared text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE event
        WHEN 'INSERT' THEN format('SELECT array_agg(DISTINCT %s) FROM new_rows', key)
        WHEN 'DELETE' THEN format('SELECT array_agg(DISTINCT %s) FROM old_rows', key)
        WHEN 'UPDATE' THEN format('SELECT array_agg(DISTINCT %1$s)
                                     FROM ((SELECT %2$s FROM new_rows EXCEPT SELECT %2$s FROM old_rows)
                                           UNION ALL
                                           (SELECT %2$s FROM old_rows EXCEPT SELECT %2$s FROM new_rows)) c',
                                  key, compared)
    END
$$;
COMMENT ON FUNCTION airesilience.changed_keys_query(text, text, text) IS
    'For the maintenance triggers: the query (run with EXECUTE) of the distinct key values of the rows a statement changed in the compared columns';

-- Occupation categories: the unit seniority curves and "related" lists use.
CREATE TABLE airesilience.category (
    category    text PRIMARY KEY CHECK (category ~ '^[a-z][a-z0-9_-]*$'),
    title       text NOT NULL CHECK (title <> '')
);
COMMENT ON TABLE airesilience.category IS 'Occupation categories (for example healthcare, technology)';

CREATE TABLE airesilience.occupation (
    onet_code   text PRIMARY KEY CHECK (onet_code ~ '^[0-9]{2}-[0-9]{4}\.[0-9]{2}$'),
    soc_code    text NOT NULL GENERATED ALWAYS AS (left(onet_code, 7)) STORED,
    title       text NOT NULL CHECK (title <> ''),
    category    text NOT NULL REFERENCES airesilience.category ON UPDATE CASCADE,
    description text,
    job_zone    smallint CHECK (job_zone BETWEEN 1 AND 5)
);
CREATE INDEX occupation_soc_code_idx ON airesilience.occupation (soc_code);
CREATE INDEX occupation_category_idx ON airesilience.occupation (category);
COMMENT ON TABLE airesilience.occupation IS 'Occupations, keyed by O*NET-SOC code (NN-NNNN.NN)';
COMMENT ON COLUMN airesilience.occupation.soc_code IS '6-digit SOC 2018 code: the first 7 characters of onet_code';
COMMENT ON COLUMN airesilience.occupation.job_zone IS 'O*NET Job Zone: preparation needed, 1 (little) to 5 (extensive)';

CREATE TABLE airesilience.task (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    task_id     integer NOT NULL CHECK (task_id > 0),
    description text NOT NULL CHECK (description <> ''),
    task_type   text CHECK (task_type IN ('core', 'supplemental')),
    importance  float8 CHECK (importance BETWEEN 1 AND 5),
    relevance   float8 CHECK (relevance BETWEEN 0 AND 100),
    frequency   float8 CHECK (frequency >= 0 AND frequency < 'Infinity'),
    PRIMARY KEY (onet_code, task_id)
);
COMMENT ON TABLE airesilience.task IS 'Tasks of each occupation, with their O*NET ratings where known';
COMMENT ON COLUMN airesilience.task.task_type IS 'core or supplemental (O*NET Task Type); NULL when not given';
COMMENT ON COLUMN airesilience.task.importance IS 'O*NET importance, 1-5';
COMMENT ON COLUMN airesilience.task.relevance IS 'O*NET relevance, percent of incumbents who perform the task, 0-100';
COMMENT ON COLUMN airesilience.task.frequency IS 'Mean frequency where known; stored for analysts, not used in weights';

CREATE TABLE airesilience.rater (
    rater       text PRIMARY KEY CHECK (rater ~ '^[a-z][a-z0-9_]*$'),
    kind        text NOT NULL CHECK (kind IN ('human', 'model')),
    description text
);
COMMENT ON TABLE airesilience.rater IS 'Who rated task exposure: a human panel or a model';

CREATE TABLE airesilience.task_rating (
    onet_code   text NOT NULL,
    task_id     integer NOT NULL,
    rater       text NOT NULL REFERENCES airesilience.rater ON UPDATE CASCADE ON DELETE CASCADE,
    exposure    float8 NOT NULL CHECK (exposure BETWEEN 0 AND 100),
    PRIMARY KEY (onet_code, task_id, rater),
    FOREIGN KEY (onet_code, task_id) REFERENCES airesilience.task ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.task_rating IS 'AI exposure of a task, 0-100, as judged by one rater';

-- O*NET skills: importance (1-5) and level (0-7) of each of the 35 skills.
CREATE TABLE airesilience.occupation_skill (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    skill_id    text NOT NULL CHECK (skill_id ~ '^[0-9]+(\.[0-9A-Za-z]+)+$'),
    skill_name  text NOT NULL CHECK (skill_name <> ''),
    importance  float8 CHECK (importance BETWEEN 1 AND 5),
    level       float8 CHECK (level BETWEEN 0 AND 7),
    PRIMARY KEY (onet_code, skill_id)
);
COMMENT ON TABLE airesilience.occupation_skill IS 'O*NET skill ratings per occupation: importance 1-5, level 0-7';

CREATE TABLE airesilience.related_occupation (
    onet_code    text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    related_code text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    tier         text NOT NULL CHECK (tier IN ('primary-short', 'primary-long', 'supplemental')),
    rank         smallint NOT NULL CHECK (rank BETWEEN 1 AND 20),
    PRIMARY KEY (onet_code, related_code),
    CHECK (onet_code <> related_code)
);
COMMENT ON TABLE airesilience.related_occupation IS 'O*NET related occupations, ranked 1-20 by relatedness';

-- Detailed work activities (DWA) and their intermediate (IWA) and general
-- (GWA) parents, and which activities each task involves.
CREATE TABLE airesilience.work_activity (
    dwa_id      text PRIMARY KEY,
    dwa_title   text NOT NULL,
    iwa_id      text NOT NULL,
    iwa_title   text NOT NULL,
    gwa_id      text NOT NULL,
    gwa_title   text NOT NULL
);
COMMENT ON TABLE airesilience.work_activity IS 'O*NET detailed work activities with their IWA and GWA parents';

CREATE TABLE airesilience.task_activity (
    onet_code   text NOT NULL,
    task_id     integer NOT NULL,
    dwa_id      text NOT NULL REFERENCES airesilience.work_activity ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (onet_code, task_id, dwa_id),
    FOREIGN KEY (onet_code, task_id) REFERENCES airesilience.task ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX task_activity_dwa_idx ON airesilience.task_activity (dwa_id);
COMMENT ON TABLE airesilience.task_activity IS 'Which detailed work activities a task involves';

-- Observed AI usage of a task: its share of a dataset's conversations.
CREATE TABLE airesilience.task_usage (
    onet_code   text NOT NULL,
    task_id     integer NOT NULL,
    dataset     text NOT NULL CHECK (dataset ~ '^[a-z][a-z0-9_]*$'),
    share_pct   float8 NOT NULL CHECK (share_pct BETWEEN 0 AND 100),
    PRIMARY KEY (onet_code, task_id, dataset),
    FOREIGN KEY (onet_code, task_id) REFERENCES airesilience.task ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.task_usage IS 'Observed AI usage per task: percent of a dataset''s conversations (for example the Anthropic Economic Index)';

-- Sources: external datasets (and the extension's own task model) that
-- score occupations.  raw_value is kept on the source's native scale.
CREATE TABLE airesilience.source (
    source        text PRIMARY KEY CHECK (source ~ '^[a-z][a-z0-9_]*$'),
    title         text NOT NULL CHECK (title <> ''),
    orientation   text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    scale_min     float8 NOT NULL CHECK (scale_min > '-Infinity'),
    scale_max     float8 NOT NULL CHECK (scale_max < 'Infinity'),
    normalization text NOT NULL DEFAULT 'linear' CHECK (normalization IN ('linear', 'percentile')),
    derived       boolean NOT NULL DEFAULT false,
    description   text,
    url           text,
    builtin       boolean NOT NULL DEFAULT false,
    CHECK (scale_min < scale_max),
    -- A derived source has no stored values to rank (see src/percentile.sql).
    CHECK (NOT derived OR normalization = 'linear')
);
COMMENT ON TABLE airesilience.source IS 'Datasets that score occupations, with orientation and native scale';
COMMENT ON COLUMN airesilience.source.orientation IS 'exposure: higher means more exposed to AI (flipped when normalized); resilience: higher means more resilient';
COMMENT ON COLUMN airesilience.source.normalization IS 'linear: 0-100 by position between scale_min and scale_max; percentile: 100 x percent_rank of the raw value among the occupations with a value (derived sources are always linear); either is flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source.derived IS 'Computed by the extension from task ratings; has no stored values';

CREATE TABLE airesilience.source_value (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    source      text NOT NULL REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    raw_value   float8 NOT NULL,
    PRIMARY KEY (onet_code, source)
);
CREATE INDEX source_value_source_idx ON airesilience.source_value (source, raw_value);
COMMENT ON TABLE airesilience.source_value IS 'One source''s raw value for one occupation, on the source''s native scale';

-- A value must lie on its source's scale; derived sources hold no values.
CREATE FUNCTION airesilience.source_value_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s airesilience.source;
BEGIN
    SELECT * INTO s FROM airesilience.source WHERE source = NEW.source;
    IF NOT FOUND THEN
        RETURN NEW;             -- the foreign key reports it
    END IF;
    IF s.derived THEN
        RAISE EXCEPTION 'source "%" is derived and cannot hold stored values', s.source
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'The extension computes this source from task ratings.';
    END IF;
    IF NEW.raw_value = 'NaN'::float8
       OR NEW.raw_value < s.scale_min OR NEW.raw_value > s.scale_max THEN
        RAISE EXCEPTION 'value % is outside the scale of source "%"', NEW.raw_value, s.source
            USING ERRCODE = 'numeric_value_out_of_range',
                  DETAIL = format('Occupation %s: source "%s" ranges from %s to %s.',
                                  NEW.onet_code, s.source, s.scale_min, s.scale_max);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.source_value_check() IS
    'Trigger: keeps source values on their source''s scale';
CREATE TRIGGER source_value_check BEFORE INSERT OR UPDATE ON airesilience.source_value
    FOR EACH ROW EXECUTE FUNCTION airesilience.source_value_check();

-- Narrowing a scale must not strand stored values outside it.
CREATE FUNCTION airesilience.source_scale_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad airesilience.source_value;
BEGIN
    SELECT * INTO bad FROM airesilience.source_value v
     WHERE v.source = NEW.source
       AND (v.raw_value < NEW.scale_min OR v.raw_value > NEW.scale_max)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'value % of occupation % is outside the new scale of source "%"',
                        bad.raw_value, bad.onet_code, NEW.source
            USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    IF NEW.derived AND EXISTS (SELECT FROM airesilience.source_value v WHERE v.source = NEW.source) THEN
        RAISE EXCEPTION 'source "%" has stored values and cannot become derived', NEW.source
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.source_scale_check() IS
    'Trigger: keeps stored values valid when a source''s scale changes';
CREATE TRIGGER source_scale_check BEFORE UPDATE OF scale_min, scale_max, derived ON airesilience.source
    FOR EACH ROW EXECUTE FUNCTION airesilience.source_scale_check();
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, derived, description, builtin)
VALUES ('task_model', 'Task resilience (airesilience)', 'resilience', 0, 100, true,
        'Weighted mean of task resilience (100 - median rater exposure) over the occupation''s tasks', true);
CREATE TRIGGER source_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.source
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER source_builtin_truncate BEFORE TRUNCATE ON airesilience.source
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- Labor statistics are published per 6-digit SOC code; employment figures
-- are persons (BLS publishes thousands: 194.8 is stored as 194800).
CREATE TABLE airesilience.labor_stats (
    soc_code             text PRIMARY KEY CHECK (soc_code ~ '^[0-9]{2}-[0-9]{4}$'),
    -- numeric NaN sorts above every number, so "> 0" alone would let it in
    median_wage          numeric(12, 2) CHECK (median_wage > 0 AND median_wage <> 'NaN'),
    median_wage_topcoded boolean NOT NULL DEFAULT false,
    employment           integer CHECK (employment >= 0),
    employment_projected integer CHECK (employment_projected >= 0),
    annual_openings      integer CHECK (annual_openings >= 0),
    growth_pct           numeric(6, 1) CHECK (growth_pct >= -100 AND growth_pct <> 'NaN'),
    entry_education      text,
    work_experience      text
);
COMMENT ON TABLE airesilience.labor_stats IS 'BLS labor statistics per 6-digit SOC code (persons, dollars, percent)';
COMMENT ON COLUMN airesilience.labor_stats.median_wage_topcoded IS 'BLS publishes only a lower bound (">= $239,200"): median_wage is that bound';
COMMENT ON COLUMN airesilience.labor_stats.growth_pct IS 'Projected employment change over the projection decade, percent, as BLS publishes it';

SELECT pg_catalog.pg_extension_config_dump('airesilience.category', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.task', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.rater', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.task_rating', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation_skill', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.related_occupation', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.work_activity', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.task_activity', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.task_usage', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.source', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.source_value', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.labor_stats', '');

-- weighted_resilience(score, weight): sum(score * weight) / sum(weight), an
-- occupation's task resilience.  Both sums are kept in double-double
-- precision, so the result is the correctly rounded mean whatever the row
-- order or the parallel plan (see src/weighted_resilience.c).

-- Not strict: a strict transition function never sees the first row of a
-- group, which would then escape validation.
CREATE FUNCTION airesilience.weighted_resilience_transfn(internal, float8, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_transfn(internal, float8, float8) IS
    'Transition function of weighted_resilience: validates a row and adds it to the double-double sums';

CREATE FUNCTION airesilience.weighted_resilience_combinefn(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_combinefn(internal, internal) IS
    'Combine function of weighted_resilience: merges two partial states';

CREATE FUNCTION airesilience.weighted_resilience_serialfn(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'weighted_resilience_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_serialfn(internal) IS
    'Serialization function of weighted_resilience: state to a versioned 52-byte bytea';

CREATE FUNCTION airesilience.weighted_resilience_deserialfn(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_resilience_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_deserialfn(bytea, internal) IS
    'Deserialization function of weighted_resilience: validates and rebuilds a state';

CREATE FUNCTION airesilience.weighted_resilience_finalfn(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'weighted_resilience_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.weighted_resilience_finalfn(internal) IS
    'Final function of weighted_resilience: the correctly rounded weighted mean, NULL for zero total weight';

CREATE AGGREGATE airesilience.weighted_resilience(score float8, weight float8) (
    SFUNC = airesilience.weighted_resilience_transfn,
    STYPE = internal,
    SSPACE = 48,
    FINALFUNC = airesilience.weighted_resilience_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.weighted_resilience_combinefn,
    SERIALFUNC = airesilience.weighted_resilience_serialfn,
    DESERIALFUNC = airesilience.weighted_resilience_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.weighted_resilience(float8, float8) IS
    'Weighted mean of scores 0-100: sum(score * weight) / sum(weight), correctly rounded; skips rows with a NULL, NULL when the weights sum to 0';

-- source_median(score): the exact median, equal to percentile_cont(0.5)
-- WITHIN GROUP (ORDER BY score) bit for bit, found by selection rather than
-- sorting and able to run in parallel (see src/source_median.c).

-- Not strict: a strict transition function never sees the first row of a
-- group, which would then escape validation.
CREATE FUNCTION airesilience.source_median_transfn(internal, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_transfn(internal, float8) IS
    'Transition function of source_median: rejects NaN, skips NULL and appends the score to the group''s array';

CREATE FUNCTION airesilience.source_median_combinefn(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_combinefn(internal, internal) IS
    'Combine function of source_median: appends one partial state''s scores to the other''s';

CREATE FUNCTION airesilience.source_median_serialfn(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'source_median_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_serialfn(internal) IS
    'Serialization function of source_median: state to a bytea of format version, count and scores';

CREATE FUNCTION airesilience.source_median_deserialfn(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'source_median_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_deserialfn(bytea, internal) IS
    'Deserialization function of source_median: validates a serialized state (length, version, count, no NaN) and rebuilds it';

CREATE FUNCTION airesilience.source_median_finalfn(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'source_median_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_median_finalfn(internal) IS
    'Final function of source_median: selects the middle value(s) in linear time, NULL for no scores';

-- SSPACE: a new group's state is one 128-byte chunk (14 values) plus the
-- allocator's chunk header; source and rater groups rarely outgrow it.
-- FINALFUNC_MODIFY = READ_ONLY: the final function permutes the array, but
-- the state stands for the multiset of scores, which it leaves unchanged, so
-- the aggregate may go on after a final call and works as a window function.
CREATE AGGREGATE airesilience.source_median(score float8) (
    SFUNC = airesilience.source_median_transfn,
    STYPE = internal,
    SSPACE = 144,
    FINALFUNC = airesilience.source_median_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.source_median_combinefn,
    SERIALFUNC = airesilience.source_median_serialfn,
    DESERIALFUNC = airesilience.source_median_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.source_median(float8) IS
    'Exact median of the scores, equal to percentile_cont(0.5) WITHIN GROUP (ORDER BY score); skips NULLs, NULL for no rows, rejects NaN; linear time, parallel';
-- source_consensus(score): how an occupation's source scores agree, and
-- consensus_confidence(n, iqr): the confidence level that supports
-- (see src/consensus.c).

CREATE TYPE airesilience.consensus AS (
    median  float8,
    n       bigint,
    q1      float8,
    q3      float8,
    iqr     float8,
    min     float8,
    max     float8
);
COMMENT ON TYPE airesilience.consensus IS
    'Summary of a set of scores, as source_consensus returns it';
COMMENT ON COLUMN airesilience.consensus.median IS 'Median, = percentile_cont(0.5) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.n IS 'Number of scores (NULLs are skipped)';
COMMENT ON COLUMN airesilience.consensus.q1 IS 'First quartile, = percentile_cont(0.25) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.q3 IS 'Third quartile, = percentile_cont(0.75) WITHIN GROUP (ORDER BY score)';
COMMENT ON COLUMN airesilience.consensus.iqr IS 'Interquartile range, q3 - q1: 0 when the scores agree';
COMMENT ON COLUMN airesilience.consensus.min IS 'Smallest score';
COMMENT ON COLUMN airesilience.consensus.max IS 'Largest score';

CREATE FUNCTION airesilience.source_consensus_finalfn(internal)
RETURNS airesilience.consensus
AS 'MODULE_PATHNAME', 'source_consensus_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.source_consensus_finalfn(internal) IS
    'Final function of source_consensus: selects the quartile rows in linear time; NULL for no scores';

-- The state, and every support function but the final one, are
-- source_median's: a query computing both aggregates over the same scores
-- keeps one state per group.  FINALFUNC_MODIFY = READ_ONLY as there: the
-- final function permutes the array, but the multiset of scores it stands
-- for is unchanged.
CREATE AGGREGATE airesilience.source_consensus(score float8) (
    SFUNC = airesilience.source_median_transfn,
    STYPE = internal,
    SSPACE = 144,
    FINALFUNC = airesilience.source_consensus_finalfn,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = airesilience.source_median_combinefn,
    SERIALFUNC = airesilience.source_median_serialfn,
    DESERIALFUNC = airesilience.source_median_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE airesilience.source_consensus(float8) IS
    'Median, count, quartiles, interquartile range, min and max of the scores (quartiles as percentile_cont); skips NULLs, NULL for no rows, rejects NaN; linear time, parallel';

-- consensus_confidence(n, iqr): the confidence level of a consensus of n
-- source scores whose interquartile range is iqr (0-100 scale).
--
--   1. Agreement grade from the iqr:  below 19 -> High, below 27 ->
--      Medium-high, below 33 -> Medium, below 39 -> Low-medium, else Low.
--   2. Fewer than 4 sources lower the level one step per missing source
--      (3 sources: at best Medium-high; 2 sources: at best Medium).
--   3. One source, or none (n = 0 or NULL: the NULL consensus of no rows),
--      is Low whatever the iqr: there is nothing to agree with.  A NULL iqr
--      with n >= 2 counts as the widest disagreement.
--   Negative n, negative iqr and NaN are errors (22023); +Infinity is an
--   iqr like any other (the widest).
--
-- Where the thresholds come from: the public data (scripts/load-public.sh on
-- ../shared/data: O*NET 29.3 with the sources task_model, working_with_ai,
-- digital_exposure and frey_osborne, each normalized linearly), consensus of
-- airesilience.source_report per occupation:
--
--   occupations 1016: 573 with 4 sources, 334 with 3, 38 with 2, 23 with 1,
--   48 with none.
--   iqr quintiles (P20 / P40 / P60 / P80), by number of sources:
--     4 sources  18.99 / 26.65 / 32.91 / 39.34   (median 29.19, mean 29.49)
--     3 sources  16.15 / 20.15 / 27.14 / 38.64
--     2 sources   2.31 /  6.87 / 10.42 / 17.31
--   The 4-source distribution is unimodal (mode 25-30 points) with no
--   natural break; only 27 of the 573 have an iqr below 10.
--
-- So the bands are the quintiles among the occupations with every source,
-- rounded to whole points: each level then holds a fifth of those
-- occupations (115 / 119 / 113 / 105 / 121).  An absolute cut such as "iqr
-- below 10 is High" would call almost nothing High: the sources measure
-- different things on different native scales, so even occupations on which
-- they agree best lie some 15-20 points apart, and a grade relative to all
-- occupations (as page 000 ranks its sources by percentile) is what tells
-- an occupation whose sources agree from one whose sources do not.  Fewer
-- sources are less evidence, and their iqr a weaker measure of agreement:
-- with 2 or 3 scores it is half their range, so a single source moves it by
-- half its own distance from the others (a quarter or less with 4).  Hence
-- one step down per missing source, and Low for a single source.  Over all
-- 1016 occupations: High 115 (11.3 %), Medium-high 238 (23.4 %), Medium 223
-- (21.9 %), Low-medium 148 (14.6 %), Low 292 (28.7 %).
--
-- The figures depend on how sources are normalized: with every source as a
-- percentile rank among occupations the 4-source quintiles would be 12.70 /
-- 18.01 / 22.66 / 29.27.  Recompute them after such a change with
--   SELECT (c).n, percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY (c).iqr)
--   FROM (SELECT airesilience.source_consensus(score) AS c
--         FROM airesilience.source_report GROUP BY onet_code) s
--   GROUP BY (c).n;
CREATE FUNCTION airesilience.consensus_confidence(n bigint, iqr float8)
RETURNS text
AS 'MODULE_PATHNAME', 'consensus_confidence'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.consensus_confidence(bigint, float8) IS
    'Confidence in a consensus of n source scores with interquartile range iqr (0-100 scale): High, Medium-high, Medium, Low-medium or Low';
-- Seniority: a per-category curve of years of experience -> multiplier,
-- read piecewise-linearly and flat beyond its ends, and the score at a
-- seniority level = clamp(score x multiplier, 0, 100) (see src/seniority.c).

CREATE FUNCTION airesilience.seniority_curve_check(years float8[], multipliers float8[])
RETURNS boolean
AS 'MODULE_PATHNAME', 'seniority_curve_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_curve_check(float8[], float8[]) IS
    'true for a valid seniority curve (one-dimensional, no NULLs, same lengths, at least one point, finite, years >= 0 and strictly increasing, multipliers > 0); otherwise an error naming the problem';

CREATE FUNCTION airesilience.seniority_interpolate(years float8[], multipliers float8[], at float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'seniority_interpolate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_interpolate(float8[], float8[], float8) IS
    'Multiplier of a seniority curve at "at" years: piecewise-linear between points, the first multiplier at or below the first point, the last at or beyond the last point (also for Infinity); NaN years -> 22023, negative -> 22003';

CREATE FUNCTION airesilience.seniority_adjust(score float8, multiplier float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'seniority_adjust'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_adjust(float8, float8) IS
    'Score at a seniority: clamp(score x multiplier, 0, 100); score must be in [0, 100], multiplier finite and positive';

-- Named seniority levels, reported for every occupation.
CREATE TABLE airesilience.seniority_level (
    level       text PRIMARY KEY CHECK (level ~ '^[a-z][a-z0-9_]*$'),
    years       float8 NOT NULL CHECK (years >= 0 AND years < 'Infinity'),
    position    smallint NOT NULL UNIQUE,
    description text,
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.seniority_level IS
    'Named seniority levels and their years of experience (entry, mid, senior, lead are built in)';
COMMENT ON COLUMN airesilience.seniority_level.years IS
    'Years of experience at which the level reads each category''s seniority curve';
COMMENT ON COLUMN airesilience.seniority_level.position IS
    'Order of the level in reports, most junior first';
COMMENT ON COLUMN airesilience.seniority_level.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
INSERT INTO airesilience.seniority_level (level, years, position, description, builtin) VALUES
    ('entry',   0, 1, 'Entry level: starting out, no experience in the occupation yet', true),
    ('mid',     4, 2, 'Mid level: about 4 years of experience, works independently', true),
    ('senior',  8, 3, 'Senior: about 8 years of experience, owns complex work and guides others', true),
    ('lead',   15, 4, 'Lead: about 15 years of experience, sets direction for a team or practice', true);
CREATE TRIGGER seniority_level_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.seniority_level
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER seniority_level_builtin_truncate BEFORE TRUNCATE ON airesilience.seniority_level
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- One curve per category.  The CHECK raises the specific error of
-- seniority_curve_check() instead of a bare check violation.
CREATE TABLE airesilience.seniority_curve (
    category    text PRIMARY KEY REFERENCES airesilience.category ON UPDATE CASCADE ON DELETE CASCADE,
    years       float8[] NOT NULL,
    multipliers float8[] NOT NULL,
    description text,
    CHECK (airesilience.seniority_curve_check(years, multipliers))
);
COMMENT ON TABLE airesilience.seniority_curve IS
    'Per-category seniority curve: points (years[i], multipliers[i]), read piecewise-linearly and flat beyond the ends';
COMMENT ON COLUMN airesilience.seniority_curve.years IS
    'Years of experience of the curve''s points: finite, >= 0, strictly increasing';
COMMENT ON COLUMN airesilience.seniority_curve.multipliers IS
    'Multiplier of the score at each point: finite, > 0 (1 leaves the score unchanged)';

-- Not SQL: an unknown category must raise an error, not return NULL.
CREATE FUNCTION airesilience.seniority_multiplier(category text, years float8)
RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    curve record;
BEGIN
    SELECT c.years, c.multipliers INTO curve
      FROM airesilience.seniority_curve c
     WHERE c.category = seniority_multiplier.category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no seniority curve for category "%"', seniority_multiplier.category
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Insert the category''s curve into airesilience.seniority_curve.';
    END IF;
    RETURN airesilience.seniority_interpolate(curve.years, curve.multipliers,
                                              seniority_multiplier.years);
END
$$;
COMMENT ON FUNCTION airesilience.seniority_multiplier(text, float8) IS
    'Multiplier of the category''s seniority curve at the given years of experience; no curve for the category -> 22023';

SELECT pg_catalog.pg_extension_config_dump('airesilience.seniority_level', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.seniority_curve', '');
-- Labels: band schemes that turn a score into a word.  A scheme is n cuts in
-- strictly decreasing order and n + 1 labels; a score gets the label of the
-- first cut it lies above (at or above, when inclusive), else the last label
-- (see src/labels.c).

CREATE FUNCTION airesilience.label_scheme_check(cuts float8[], labels text[])
RETURNS boolean
AS 'MODULE_PATHNAME', 'label_scheme_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.label_scheme_check(float8[], text[]) IS
    'true for a valid band scheme (one-dimensional arrays without NULLs, finite and strictly decreasing cuts, one more label than cuts, no empty label); otherwise an error naming the problem';

CREATE FUNCTION airesilience.band_label(score float8, cuts float8[], labels text[], inclusive boolean DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'band_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.band_label(float8, float8[], text[], boolean) IS
    'labels[i] for the first of the descending cuts that score exceeds (or reaches, when inclusive), else the last label; NaN score -> 22023';

CREATE TABLE airesilience.label_scheme (
    scheme      text PRIMARY KEY CHECK (scheme ~ '^[a-z][a-z0-9_]*$'),
    description text,
    cuts        float8[] NOT NULL,
    labels      text[] NOT NULL,
    inclusive   boolean NOT NULL DEFAULT false,
    builtin     boolean NOT NULL DEFAULT false,
    CHECK (airesilience.label_scheme_check(cuts, labels))
);
COMMENT ON TABLE airesilience.label_scheme IS
    'Band schemes: descending cuts and their labels, applicable to any score';
COMMENT ON COLUMN airesilience.label_scheme.cuts IS
    'Band boundaries, finite and strictly decreasing';
COMMENT ON COLUMN airesilience.label_scheme.labels IS
    'One label per band, best band first: one more label than cuts';
COMMENT ON COLUMN airesilience.label_scheme.inclusive IS
    'false: a score must exceed a cut to reach its band (score > cut); true: reaching it is enough (score >= cut)';
COMMENT ON COLUMN airesilience.label_scheme.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
INSERT INTO airesilience.label_scheme (scheme, description, cuts, labels, inclusive, builtin) VALUES
    ('resilience6',
     'CareerVillage''s six labels for a 0-100 resilience score: Highly Resilient above 80, Resilient above 65, Mostly Resilient above 50, Somewhat Resilient above 35, Not Very Resilient above 22, else Vulnerable',
     '{80,65,50,35,22}',
     '{Highly Resilient,Resilient,Mostly Resilient,Somewhat Resilient,Not Very Resilient,Vulnerable}',
     false, true),
    ('change3',
     'Three labels for a 0-100 resilience score, cut where resilience6 is: Stable above 65 (Resilient and above), Evolving above 35, else Changing Fast (below Somewhat Resilient)',
     '{65,35}',
     '{Stable,Evolving,Changing Fast}',
     false, true),
    ('tiers5',
     'The Jobpocalypse tiers, for an exposure-style 0-100 index (higher = more exposed), not a resilience score: Very high at 70 or more, High at 55 or more, Elevated at 40 or more, Moderate at 30 or more, else Low',
     '{70,55,40,30}',
     '{Very high,High,Elevated,Moderate,Low}',
     true, true),
    ('task_bucket',
     'Buckets for a task''s resilience (100 - exposure): Human-led above 60, Mixed above 40, Strong automation pressure above 25, else Highly automatable',
     '{60,40,25}',
     '{Human-led,Mixed,Strong automation pressure,Highly automatable}',
     false, true);
CREATE TRIGGER label_scheme_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.label_scheme
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER label_scheme_builtin_truncate BEFORE TRUNCATE ON airesilience.label_scheme
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- In C, to read the scheme once per query rather than once per row (see
-- src/labels.c); an unknown scheme is an error, not NULL.
CREATE FUNCTION airesilience.score_label(score float8, scheme text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'score_label'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.score_label(float8, text) IS
    'Label of a score under the named scheme; scheme NULL: the one named by the setting airesilience.label_scheme (resilience6 when unset or empty); NULL score -> NULL; unknown scheme -> 22023';

SELECT pg_catalog.pg_extension_config_dump('airesilience.label_scheme', 'WHERE NOT builtin');
-- Percentile ranks among occupations: of each stored source's raw values
-- (the 'percentile' normalization of a source) and of the BLS panel figures
-- (growth, openings, projected wage bill).
--
-- A percentile is 100 x percent_rank(): the share of the other ranked units
-- with a lower value, so the lowest is 0, the highest 100, and tied values
-- share the lower rank.  It ranks the raw value: for an exposure source the
-- normalized score is 100 - percentile (src/reports.sql).
--
-- Why the percentiles are stored: a percentile depends on every other
-- occupation's value, so computing it in the report views would make a page
-- query for one occupation rank the values of all of them, and break the
-- rule that such a query reads only that occupation's rows
-- (sql/single_occupation.sql).  Stored, it is one index probe.  The tables
-- are derived data, kept current by the statement-level triggers below
-- (which re-rank only the sources a statement touched), so they are
-- deliberately not extension configuration tables: pg_dump leaves their rows
-- out, and restoring source_value and labor_stats rebuilds them.

------------------------------------------------------------------------------
-- Sources
------------------------------------------------------------------------------

CREATE TABLE airesilience.source_percentile (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    source      text NOT NULL REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    percentile  float8 NOT NULL CHECK (percentile BETWEEN 0 AND 100),
    PRIMARY KEY (onet_code, source)
);
COMMENT ON TABLE airesilience.source_percentile IS
    'Derived, maintained by triggers on source_value: each stored value''s percentile rank among the occupations with a value of the same source';
COMMENT ON COLUMN airesilience.source_percentile.percentile IS
    '100 x percent_rank() of raw_value within its source: lowest 0, highest 100, ties share the lower rank; not flipped for exposure sources';

-- Re-rank the given sources, or all when NULL.  Only rows whose percentile
-- changes are written.  Custom plans: with the actual argument the planner
-- drops the "IS NULL OR" branch and reads only the given sources through
-- source_value_source_idx, already in raw_value order.
CREATE FUNCTION airesilience.source_percentile_refresh(sources text[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH fresh AS (
        SELECT v.onet_code,
               v.source,
               100 * percent_rank() OVER (PARTITION BY v.source ORDER BY v.raw_value) AS percentile
          FROM airesilience.source_value v
         WHERE sources IS NULL OR v.source = ANY (sources)),
    stale AS (
        DELETE FROM airesilience.source_percentile p
         WHERE (sources IS NULL OR p.source = ANY (sources))
           AND NOT EXISTS (SELECT FROM fresh f WHERE f.onet_code = p.onet_code AND f.source = p.source))
    INSERT INTO airesilience.source_percentile AS p (onet_code, source, percentile)
    SELECT f.onet_code, f.source, f.percentile FROM fresh f
        ON CONFLICT (onet_code, source) DO UPDATE SET percentile = excluded.percentile
         WHERE p.percentile IS DISTINCT FROM excluded.percentile;
END
$$;
COMMENT ON FUNCTION airesilience.source_percentile_refresh(text[]) IS
    'Re-ranks the given sources (all when NULL) into source_percentile; the triggers on source_value call it, call it yourself after loading with triggers disabled';

-- Statement-level maintenance from the transition tables: the sources of the
-- rows a statement added, removed or changed are re-ranked, the others are
-- left alone.  An UPDATE that leaves a row as it was changes no rank.  JIT is
-- off: the planner knows nothing of the transition tables and would compile
-- these small queries for longer than they run.
CREATE FUNCTION airesilience.source_percentile_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    sources text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM airesilience.source_percentile;
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'source', 'onet_code, source, raw_value') INTO sources;
    IF sources IS NOT NULL THEN     -- NULL: the statement changed no value
        PERFORM airesilience.source_percentile_refresh(sources);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.source_percentile_maintain() IS
    'Trigger: re-ranks the sources whose values a statement on source_value added, removed or changed';

SELECT airesilience.create_maintenance_triggers('airesilience.source_value', 'source_percentile', 'airesilience.source_percentile_maintain', 'source_percentile');

-- A source's score under the percentile normalization.
CREATE FUNCTION airesilience.normalize_percentile(percentile float8, orientation text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN orientation = 'exposure' THEN 100 - percentile ELSE percentile END
$$;
COMMENT ON FUNCTION airesilience.normalize_percentile(float8, text) IS
    'Score of a source value from its percentile rank: the percentile, flipped (100 - x) for exposure sources';

------------------------------------------------------------------------------
-- The BLS panel
------------------------------------------------------------------------------

-- One row per SOC code of labor_stats; each percentile ranks among the SOC
-- codes that have the figure (NULL where the code lacks it).
CREATE TABLE airesilience.labor_percentile (
    soc_code             text PRIMARY KEY,
    growth_percentile    float8 CHECK (growth_percentile BETWEEN 0 AND 100),
    openings_percentile  float8 CHECK (openings_percentile BETWEEN 0 AND 100),
    wage_bill_percentile float8 CHECK (wage_bill_percentile BETWEEN 0 AND 100)
);
COMMENT ON TABLE airesilience.labor_percentile IS
    'Derived, maintained by triggers on labor_stats: percentile ranks of growth, openings and projected wage bill among the SOC codes that have the figure';
COMMENT ON COLUMN airesilience.labor_percentile.growth_percentile IS
    '100 x percent_rank() of growth_pct';
COMMENT ON COLUMN airesilience.labor_percentile.openings_percentile IS
    '100 x percent_rank() of annual_openings';
COMMENT ON COLUMN airesilience.labor_percentile.wage_bill_percentile IS
    '100 x percent_rank() of the projected wage bill, employment_projected x median_wage (a top-coded wage counts at its bound)';

-- The panel is one small set (some 800 SOC codes), so it is re-ranked whole:
-- a few milliseconds.  Each figure is ranked in its own partition of the
-- rows that have it, so codes lacking it take no rank.
CREATE FUNCTION airesilience.labor_percentile_refresh()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    WITH figures AS (
        SELECT l.soc_code,
               l.growth_pct,
               l.annual_openings,
               l.employment_projected * l.median_wage AS wage_bill
          FROM airesilience.labor_stats l),
    fresh AS (
        SELECT f.soc_code,
               CASE WHEN f.growth_pct IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.growth_pct IS NULL ORDER BY f.growth_pct)
               END AS growth_percentile,
               CASE WHEN f.annual_openings IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.annual_openings IS NULL ORDER BY f.annual_openings)
               END AS openings_percentile,
               CASE WHEN f.wage_bill IS NOT NULL
                    THEN 100 * percent_rank() OVER (PARTITION BY f.wage_bill IS NULL ORDER BY f.wage_bill)
               END AS wage_bill_percentile
          FROM figures f
         WHERE f.growth_pct IS NOT NULL OR f.annual_openings IS NOT NULL OR f.wage_bill IS NOT NULL),
    stale AS (
        DELETE FROM airesilience.labor_percentile p
         WHERE NOT EXISTS (SELECT FROM fresh f WHERE f.soc_code = p.soc_code))
    INSERT INTO airesilience.labor_percentile AS p
           (soc_code, growth_percentile, openings_percentile, wage_bill_percentile)
    SELECT f.soc_code, f.growth_percentile, f.openings_percentile, f.wage_bill_percentile FROM fresh f
        ON CONFLICT (soc_code) DO UPDATE
       SET growth_percentile = excluded.growth_percentile,
           openings_percentile = excluded.openings_percentile,
           wage_bill_percentile = excluded.wage_bill_percentile
     WHERE (p.growth_percentile, p.openings_percentile, p.wage_bill_percentile)
           IS DISTINCT FROM (excluded.growth_percentile, excluded.openings_percentile, excluded.wage_bill_percentile);
END
$$;
COMMENT ON FUNCTION airesilience.labor_percentile_refresh() IS
    'Re-ranks the BLS panel into labor_percentile; the triggers on labor_stats call it, call it yourself after loading with triggers disabled';

-- Re-ranks the panel when a statement changed a ranked figure: an UPDATE of
-- education or experience alone leaves the ranks as they are.
CREATE FUNCTION airesilience.labor_percentile_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM airesilience.labor_percentile;
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'soc_code',
                                            'soc_code, growth_pct, annual_openings, employment_projected, median_wage')
       INTO changed;
    IF changed IS NOT NULL THEN     -- NULL: no ranked figure changed
        PERFORM airesilience.labor_percentile_refresh();
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.labor_percentile_maintain() IS
    'Trigger: re-ranks the BLS panel when a statement on labor_stats changed growth, openings, projected employment or wage';

SELECT airesilience.create_maintenance_triggers('airesilience.labor_stats', 'labor_percentile', 'airesilience.labor_percentile_maintain', 'labor_percentile');
-- airesilience: report views.
--
-- Each view filters cleanly on onet_code: every join and grouping is keyed
-- by it, so a query for one occupation reads only that occupation's rows
-- (the planner pushes the condition into every branch; see
-- sql/single_occupation.sql).

-- The version of the scoring model: the installed extension's version, as
-- every formula and built-in table ships with it.  Snapshots record it, and
-- the JSON document reports it (airm.version).
CREATE FUNCTION airesilience.model_version()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'airesilience'
$$;
COMMENT ON FUNCTION airesilience.model_version() IS
    'Version of the scoring model: the installed version of the airesilience extension';

-- How much a task counts in its occupation's score.  The basis is chosen per
-- occupation so that all its tasks are weighed alike: O*NET ratings when
-- every task has them, otherwise core/supplemental when any task is typed,
-- otherwise equal weights.  Core tasks count double in every basis, as in
-- "GPTs are GPTs" (Eloundou et al.).
CREATE FUNCTION airesilience.task_weight(basis text, task_type text, importance float8, relevance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN task_type = 'core' THEN 2.0 ELSE 1.0 END
         * CASE WHEN basis = 'ratings' THEN importance * relevance / 100 ELSE 1.0 END
$$;
COMMENT ON FUNCTION airesilience.task_weight(text, text, float8, float8) IS
    'Weight of a task: 2 for core, 1 otherwise, times importance x relevance / 100 when basis = ratings';

-- How much a task counts in the task_exposure signal (src/composite.sql).
-- The Jobpocalypse weights Core 3, Important 2, Supporting 1, on O*NET's
-- fields: a core task is Core; another task counts as Important when its
-- O*NET importance is at least 3.5 (between "important" and "very
-- important" on the 1-5 scale); every other task, unrated ones included, is
-- Supporting.
CREATE FUNCTION airesilience.task_tier_weight(task_type text, importance float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN task_type = 'core' THEN 3.0
                WHEN importance >= 3.5 THEN 2.0
                ELSE 1.0
           END::float8
$$;
COMMENT ON FUNCTION airesilience.task_tier_weight(text, float8) IS
    'Weight of a task in the task_exposure signal: 3 for a core task, 2 for another task of importance >= 3.5, 1 otherwise';

-- A source's raw value on the common 0-100 resilience scale.
CREATE FUNCTION airesilience.normalize_linear(raw_value float8, scale_min float8, scale_max float8, orientation text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN orientation = 'exposure'
                THEN 100 - 100 * (raw_value - scale_min) / (scale_max - scale_min)
                ELSE 100 * (raw_value - scale_min) / (scale_max - scale_min)
           END
$$;
COMMENT ON FUNCTION airesilience.normalize_linear(float8, float8, float8, text) IS
    'Position of raw_value between scale_min and scale_max on 0-100, flipped (100 - x) for exposure sources';

-- Every task with its own columns and its scores: the one pass over task
-- and task_rating that task_score, task_report and the per-occupation views
-- share.  It is written to stream in primary-key order.  The ratings are
-- grouped in (onet_code, task_id) order: the ORDER BY asks for the order
-- that task_rating's primary key gives, so the planner reads it through
-- that index and groups without hashing, and merge-joins the groups with
-- task read the same way.  The weight basis is a window over each
-- occupation's tasks, rather than a second grouping of task joined back.
-- The rows then reach the per-occupation aggregates already grouped by
-- occupation.  On the public data (18,796 tasks, analyzed) this takes half
-- the time of the hashed plan the planner picks without the ORDER BY.  A
-- query for one occupation still reads only its rows: onet_code is the
-- window's partition and the grouping's first key, so its condition
-- reaches both scans.
CREATE VIEW airesilience.task_detail AS
SELECT onet_code,
       task_id,
       description,
       task_type,
       importance,
       relevance,
       weight_basis,
       airesilience.task_weight(weight_basis, task_type, importance, relevance) AS weight,
       exposure,
       100 - exposure AS resilience,
       coalesce(rater_count, 0) AS rater_count,
       rater_spread
  FROM (SELECT t.onet_code,
               t.task_id,
               t.description,
               t.task_type,
               t.importance,
               t.relevance,
               CASE WHEN bool_and(t.importance IS NOT NULL AND t.relevance IS NOT NULL) OVER occupation THEN 'ratings'
                    WHEN bool_or(t.task_type IS NOT NULL) OVER occupation THEN 'task_type'
                    ELSE 'equal'
               END AS weight_basis,
               e.exposure,
               e.rater_count,
               e.rater_spread
          FROM airesilience.task t
          LEFT JOIN (SELECT onet_code,
                            task_id,
                            airesilience.source_median(exposure) AS exposure,
                            count(*) AS rater_count,
                            max(exposure) - min(exposure) AS rater_spread
                       FROM airesilience.task_rating
                      GROUP BY onet_code, task_id
                      ORDER BY onet_code, task_id) e USING (onet_code, task_id)
        WINDOW occupation AS (PARTITION BY t.onet_code)) s;
COMMENT ON VIEW airesilience.task_detail IS
    'Per task: task_score''s columns plus the task''s description, importance and relevance; the rows task_score, task_report and the per-occupation views are computed from';

CREATE VIEW airesilience.task_score AS
SELECT onet_code,
       task_id,
       task_type,
       weight_basis,
       weight,
       exposure,
       resilience,
       rater_count,
       rater_spread
  FROM airesilience.task_detail;
COMMENT ON VIEW airesilience.task_score IS
    'Per task: weight, its basis, exposure (median over raters), resilience = 100 - exposure';

-- The rank is taken over task_detail's rows, which carry the description:
-- joining task again for it would undo their occupation order and make the
-- rank's sort a full one, which spills to disk at the default work_mem.
CREATE VIEW airesilience.task_report AS
SELECT onet_code,
       task_id,
       description,
       task_type,
       weight,
       weight_basis,
       exposure,
       resilience,
       rater_count,
       rater_spread,
       airesilience.score_label(resilience, 'task_bucket') AS bucket,
       row_number() OVER (PARTITION BY onet_code
                          ORDER BY resilience DESC NULLS LAST,
                                   task_type = 'core' DESC NULLS LAST,
                                   weight DESC,
                                   task_id) AS rank
  FROM airesilience.task_detail;
COMMENT ON VIEW airesilience.task_report IS
    'One row per task: weight, exposure, resilience, bucket, and rank within its occupation (most resilient first)';

-- Per occupation, everything the views take from its tasks, in one
-- aggregate over task_detail: the task model (task resilience, its weight
-- basis, task counts) and the task_exposure signal of src/composite.sql
-- (the mean exposure of the rated tasks under the tier weights, and how many
-- rated tasks each tier has), and the potential of src/adoption.sql (the
-- weighted mean exposure of the rated tasks).  A view that needs only some of the columns
-- costs only those: the planner drops the aggregates nobody selects.
CREATE VIEW airesilience.occupation_task_summary AS
SELECT onet_code,
       airesilience.weighted_resilience(resilience, weight) AS task_resilience,
       min(weight_basis) AS weight_basis,
       count(*) AS task_count,
       count(resilience) AS rated_task_count,
       airesilience.weighted_resilience(exposure, airesilience.task_tier_weight(task_type, importance)) AS tier_exposure,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 3) AS core_rated,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 2) AS important_rated,
       count(exposure) FILTER (WHERE airesilience.task_tier_weight(task_type, importance) = 1) AS supporting_rated,
       airesilience.weighted_resilience(exposure, weight) AS potential
  FROM airesilience.task_detail
 GROUP BY onet_code;
COMMENT ON VIEW airesilience.occupation_task_summary IS
    'Per occupation with tasks: occupation_task_resilience''s columns, plus the weighted mean exposure of the rated tasks under task_tier_weight, the number of rated tasks of each tier (weights 3, 2, 1), and potential: their weighted mean exposure under the task weights';

CREATE VIEW airesilience.occupation_task_resilience AS
SELECT onet_code,
       task_resilience,
       weight_basis,
       task_count,
       rated_task_count
  FROM airesilience.occupation_task_summary;
COMMENT ON VIEW airesilience.occupation_task_resilience IS
    'Per occupation: weighted mean of task resilience, the weight basis, task counts';

-- Every occupation against every source, whether it has a value or not, next
-- to the occupation's task summary.  The value of a stored source is its
-- row in source_value; that of the derived task_model is the task
-- resilience.  Both are scored by the source's normalization: linear on the
-- native scale, or by the percentile rank among occupations
-- (src/percentile.sql); both are flipped for exposure sources.  task_model
-- is derived, so linear (a check on source), and has no stored value to
-- rank, so no percentile.  The percentile column shows the rank of every
-- stored value, whichever normalization scores it.
--
-- The task summary rides along so that a per-occupation view (the headline
-- consensus, the human_contribution and task_exposure signals) can group
-- these rows and have both the scores and the task figures from one pass
-- over the tasks; a union of stored scores and the task model, grouped and
-- then joined to the task summary, would compute the task model twice.
CREATE VIEW airesilience.occupation_source_grid AS
SELECT o.onet_code,
       s.source,
       x.raw_value,
       CASE WHEN s.normalization = 'percentile'
            THEN airesilience.normalize_percentile(p.percentile, s.orientation)
            ELSE airesilience.normalize_linear(x.raw_value, s.scale_min, s.scale_max, s.orientation)
       END AS score,
       s.orientation,
       s.normalization,
       p.percentile,
       t.task_resilience,
       t.weight_basis,
       t.task_count,
       t.rated_task_count,
       t.tier_exposure,
       t.core_rated,
       t.important_rated,
       t.supporting_rated
  FROM airesilience.occupation o
  LEFT JOIN airesilience.occupation_task_summary t ON t.onet_code = o.onet_code
 CROSS JOIN airesilience.source s
  LEFT JOIN airesilience.source_value v ON v.onet_code = o.onet_code AND v.source = s.source
  LEFT JOIN airesilience.source_percentile p ON p.onet_code = v.onet_code AND p.source = v.source
 CROSS JOIN LATERAL (SELECT CASE WHEN s.source = 'task_model' THEN t.task_resilience ELSE v.raw_value END AS raw_value) x;
COMMENT ON VIEW airesilience.occupation_source_grid IS
    'Occupation x every source: the raw value (stored, or the task resilience for task_model; NULL when the occupation has none), its score and percentile as in source_report, and the occupation''s task summary (occupation_task_summary)';

CREATE VIEW airesilience.source_report AS
SELECT onet_code,
       source,
       raw_value,
       score,
       orientation,
       normalization,
       percentile
  FROM airesilience.occupation_source_grid
 WHERE raw_value IS NOT NULL;
COMMENT ON VIEW airesilience.source_report IS
    'Occupation x source: raw value on the source''s scale, score on 0-100 (higher = more resilient) by the source''s normalization, percentile rank of the raw value';
COMMENT ON COLUMN airesilience.source_report.score IS
    'linear: 100 (raw - min) / (max - min); percentile: the percentile; flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source_report.percentile IS
    'Percentile rank of raw_value among the occupations with a value of this source (100 x percent_rank, not flipped); NULL for the derived task_model';

CREATE VIEW airesilience.occupation_report AS
SELECT o.soc_code,
       o.onet_code,
       o.title,
       o.category,
       c.task_resilience,
       c.weight_basis,
       c.task_count,
       (c.consensus).median AS source_median,
       coalesce((c.consensus).n, 0) AS source_count,
       (c.consensus).iqr AS dispersion,
       airesilience.consensus_confidence(coalesce((c.consensus).n, 0), (c.consensus).iqr) AS confidence,
       airesilience.score_label((c.consensus).median) AS label,
       l.median_wage,
       l.employment,
       l.employment_projected,
       l.annual_openings,
       l.growth_pct,
       l.entry_education,
       l.work_experience,
       lp.growth_percentile,
       lp.openings_percentile,
       lp.wage_bill_percentile
  FROM airesilience.occupation o
  -- the consensus of the source_report rows, with the task figures beside
  -- them (one pass over the tasks: see occupation_source_grid)
  LEFT JOIN (SELECT onet_code,
                    task_resilience,
                    weight_basis,
                    task_count,
                    airesilience.source_consensus(score) FILTER (WHERE raw_value IS NOT NULL) AS consensus
               FROM airesilience.occupation_source_grid
              GROUP BY onet_code, task_resilience, weight_basis, task_count) c USING (onet_code)
  LEFT JOIN airesilience.labor_stats l ON l.soc_code = o.soc_code
  LEFT JOIN airesilience.labor_percentile lp ON lp.soc_code = o.soc_code;
COMMENT ON VIEW airesilience.occupation_report IS
    'One row per occupation: task resilience, median of source scores (the headline), its label, BLS figures';
COMMENT ON COLUMN airesilience.occupation_report.source_median IS 'Headline score: median of the source scores, 0-100';
COMMENT ON COLUMN airesilience.occupation_report.dispersion IS 'Interquartile range of the source scores (0 when they agree)';
COMMENT ON COLUMN airesilience.occupation_report.confidence IS 'consensus_confidence(source_count, dispersion): High, Medium-high, Medium, Low-medium or Low';
COMMENT ON COLUMN airesilience.occupation_report.label IS 'Label of source_median under the scheme named by the airesilience.label_scheme setting';
COMMENT ON COLUMN airesilience.occupation_report.growth_percentile IS 'Percentile rank of growth_pct among the SOC codes of labor_stats (0-100)';
COMMENT ON COLUMN airesilience.occupation_report.openings_percentile IS 'Percentile rank of annual_openings among the SOC codes of labor_stats (0-100)';
COMMENT ON COLUMN airesilience.occupation_report.wage_bill_percentile IS 'Percentile rank of the projected wage bill, employment_projected x median_wage, among the SOC codes of labor_stats (0-100)';

CREATE VIEW airesilience.seniority_report AS
SELECT r.onet_code,
       l.level,
       l.position,
       l.years,
       m.multiplier,
       airesilience.seniority_adjust(r.source_median, m.multiplier) AS score,
       airesilience.score_label(airesilience.seniority_adjust(r.source_median, m.multiplier)) AS label
  FROM airesilience.occupation_report r
  JOIN airesilience.seniority_curve c ON c.category = r.category
 CROSS JOIN airesilience.seniority_level l
 CROSS JOIN LATERAL (SELECT airesilience.seniority_interpolate(c.years, c.multipliers, l.years) AS multiplier) m;
COMMENT ON VIEW airesilience.seniority_report IS
    'Occupation x seniority level: the category curve''s multiplier at the level''s years, and the adjusted headline score';
-- Composite scores: per-occupation signals on 0-100, weighed by presets
-- (rows of composite_preset and composite_weight) or by ad-hoc weights
-- (composite_scores), with the points each signal contributes.
--
-- Signals (airesilience.signal; the mappings are the project's own, see the
-- README):
--   resilience orientation (higher = more resilient)
--     human_contribution     mean of the occupation's source scores
--                            (source_report: the task model and the
--                            exposure datasets, each normalized and flipped)
--     employer_demand        0.60 openings percentile + 0.40 growth
--                            percentile (labor_percentile)
--     economic_opportunity   0.67 projected wage-bill percentile + 0.33
--                            adaptability (occupation_adaptability)
--   exposure orientation (higher = more exposed)
--     task_exposure          weighted mean task exposure: core tasks 3,
--                            other tasks of importance >= 3.5 2, others 1
--     digital_exposure       the digital_exposure source on 0-100 (the
--                            Karpathy 0-10 rating x 10)
--     market_pressure        50 - 5 x BLS growth %, clamped to 0-100
--     entry_barrier_erosion  from BLS typical entry education
-- A signal built from two parts (employer_demand, economic_opportunity) is
-- the weighted mean of the parts present; its detail names them.
--
-- A composite score is sum(weight x value) / sum(weight) over the preset's
-- signals the occupation has: a missing signal drops out and the others are
-- renormalized, and the report says which signals were missing and what
-- share of the preset's weight the score covers.  A signal whose orientation
-- differs from the preset's counts as 100 - value.
--
-- Means and scores are taken with weighted_resilience, and weight totals in
-- numeric, because both are exact whatever order the rows arrive in: with
-- float8 sum() or avg() a score could change in its last bit when a plan
-- changes, and snapshot_changes would report an unchanged occupation as
-- changed.
--
-- Every view keys on onet_code, so WHERE onet_code = '...' computes that
-- occupation's signals only; the figures that rank occupations against each
-- other (percentiles, adaptability) are stored and kept by triggers.

------------------------------------------------------------------------------
-- Adaptability: how resilient the nearest pivots are
------------------------------------------------------------------------------

-- Adaptability is the percentile rank, among occupations, of the mean task
-- resilience of the occupation's closest related occupations in O*NET (tiers
-- primary-short and primary-long: the 10 closest).  An occupation whose
-- natural next jobs are resilient has somewhere to go.  The mean is taken
-- over the related occupations that have a task resilience.
--
-- Stored, for the reason the percentiles are (src/percentile.sql): the rank
-- compares every occupation's pivots.  Derived data, not dumped: restoring
-- task, task_rating and related_occupation rebuilds it through the triggers.
CREATE TABLE airesilience.occupation_adaptability (
    onet_code        text PRIMARY KEY REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    pivot_count      integer NOT NULL CHECK (pivot_count > 0),
    pivot_resilience float8 NOT NULL CHECK (pivot_resilience BETWEEN 0 AND 100),
    percentile       float8 CHECK (percentile BETWEEN 0 AND 100)
);
COMMENT ON TABLE airesilience.occupation_adaptability IS
    'Derived, maintained by triggers on task, task_rating and related_occupation: mean task resilience of each occupation''s 10 closest related occupations and its percentile rank';
COMMENT ON COLUMN airesilience.occupation_adaptability.pivot_count IS
    'How many of the primary-short and primary-long related occupations have a task resilience';
COMMENT ON COLUMN airesilience.occupation_adaptability.pivot_resilience IS
    'Mean task resilience of those related occupations, 0-100';
COMMENT ON COLUMN airesilience.occupation_adaptability.percentile IS
    'Adaptability: 100 x percent_rank() of pivot_resilience among the occupations that have one';

-- Finds the occupations that list a given occupation as related, when that
-- occupation's task resilience changes (and serves the cascading deletes).
CREATE INDEX related_occupation_related_code_idx ON airesilience.related_occupation (related_code);
COMMENT ON INDEX airesilience.related_occupation_related_code_idx IS
    'Serves adaptability maintenance: which occupations list this one as related';

-- Refreshes the pivots of the given occupations (all when NULL), then
-- re-ranks all of them.  For all occupations the related occupations' task
-- resilience comes from one pass over every rating; for a few, from one
-- index lookup per related occupation (the lateral subquery, kept apart by
-- OFFSET 0 so the planner cannot flatten it into a join with the whole view:
-- its condition on onet_code then reaches every scan of the task model).  The mean is
-- weighted_resilience with unit weights: correctly rounded whatever the row
-- order, so both paths store the same bits and equal pivot sets tie.
CREATE FUNCTION airesilience.adaptability_refresh(onet_codes text[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH wanted AS (
        SELECT r.onet_code, r.related_code
          FROM airesilience.related_occupation r
         WHERE r.tier IN ('primary-short', 'primary-long')
           AND (onet_codes IS NULL OR r.onet_code = ANY (onet_codes))),
    pivot AS (
        SELECT t.onet_code AS related_code, t.task_resilience
          FROM airesilience.occupation_task_resilience t
         WHERE onet_codes IS NULL
        UNION ALL
        SELECT p.related_code, t.task_resilience
          FROM (SELECT DISTINCT w.related_code FROM wanted w) p
         CROSS JOIN LATERAL (SELECT x.task_resilience
                               FROM airesilience.occupation_task_resilience x
                              WHERE x.onet_code = p.related_code
                             OFFSET 0) t
         WHERE onet_codes IS NOT NULL),
    fresh AS (
        SELECT w.onet_code,
               count(*)::integer AS pivot_count,
               airesilience.weighted_resilience(p.task_resilience, 1) AS pivot_resilience
          FROM wanted w
          JOIN pivot p ON p.related_code = w.related_code
         WHERE p.task_resilience IS NOT NULL
         GROUP BY w.onet_code),
    stale AS (
        DELETE FROM airesilience.occupation_adaptability a
         WHERE (onet_codes IS NULL OR a.onet_code = ANY (onet_codes))
           AND NOT EXISTS (SELECT FROM fresh f WHERE f.onet_code = a.onet_code))
    INSERT INTO airesilience.occupation_adaptability AS a (onet_code, pivot_count, pivot_resilience)
    SELECT f.onet_code, f.pivot_count, f.pivot_resilience FROM fresh f
        ON CONFLICT (onet_code) DO UPDATE
       SET pivot_count = excluded.pivot_count, pivot_resilience = excluded.pivot_resilience
     WHERE (a.pivot_count, a.pivot_resilience) IS DISTINCT FROM (excluded.pivot_count, excluded.pivot_resilience);

    UPDATE airesilience.occupation_adaptability a
       SET percentile = r.percentile
      FROM (SELECT b.onet_code, 100 * percent_rank() OVER (ORDER BY b.pivot_resilience) AS percentile
              FROM airesilience.occupation_adaptability b) r
     WHERE a.onet_code = r.onet_code
       AND a.percentile IS DISTINCT FROM r.percentile;
END
$$;
COMMENT ON FUNCTION airesilience.adaptability_refresh(text[]) IS
    'Recomputes the pivots of the given occupations (all when NULL) and re-ranks occupation_adaptability; the triggers call it, call it yourself after loading with triggers disabled';

-- Statement-level maintenance from the transition tables.  A change to an
-- occupation's tasks or ratings changes its task resilience, and so the
-- pivots of the occupations that list it as related; a change to
-- related_occupation changes the pivots of the rows' own occupations.  Rows
-- an UPDATE left as they were (in the columns that count) change nothing.
-- Past 200 occupations to refresh (some 1,000 related occupations to look
-- up), one pass over all ratings is cheaper: measured on O*NET 29.3, 400
-- occupations' lookups take half as long as the full pass, 100 a third.
CREATE FUNCTION airesilience.adaptability_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
    affected text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM airesilience.adaptability_refresh(NULL);
        RETURN NULL;
    END IF;

    EXECUTE airesilience.changed_keys_query(TG_OP, 'onet_code', CASE TG_TABLE_NAME
        WHEN 'task' THEN 'onet_code, task_id, task_type, importance, relevance'
        WHEN 'task_rating' THEN 'onet_code, task_id, rater, exposure'
        ELSE 'onet_code, related_code, tier' END)
       INTO changed;
    IF TG_TABLE_NAME = 'related_occupation' THEN
        affected := changed;        -- the rows' own occupations have new pivots
    ELSIF changed IS NOT NULL THEN  -- those listing a changed occupation do
        SELECT array_agg(DISTINCT r.onet_code) INTO affected
          FROM airesilience.related_occupation r
         WHERE r.related_code = ANY (changed)
           AND r.tier IN ('primary-short', 'primary-long');
    END IF;
    IF affected IS NULL THEN        -- nothing that counts has changed
        RETURN NULL;
    END IF;
    PERFORM airesilience.adaptability_refresh(CASE WHEN cardinality(affected) > 200 THEN NULL ELSE affected END);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.adaptability_maintain() IS
    'Trigger: refreshes the adaptability of the occupations whose closest related occupations a statement on task, task_rating or related_occupation changed';

SELECT airesilience.create_maintenance_triggers(t, 'adaptability', 'airesilience.adaptability_maintain', 'occupation_adaptability')
  FROM unnest(ARRAY['airesilience.task', 'airesilience.task_rating', 'airesilience.related_occupation']::regclass[]) t;

------------------------------------------------------------------------------
-- Signal mappings
------------------------------------------------------------------------------

-- Market pressure from the BLS projected growth over the decade: 0 at +10 %
-- or more (a clearly growing occupation), 50 when flat, 100 at -10 % or
-- less, linear in between: 50 - 5 x growth.  +/-10 % is about three times
-- the all-occupation average growth of the 2024-34 projections (3.1 %), well
-- inside the groups the OOH calls "much faster than average" (7 % or more)
-- and "decline" (any fall).  NaN is no growth figure: NULL, like a missing
-- one (least/greatest would call it 100).
CREATE FUNCTION airesilience.market_pressure(growth_pct float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN growth_pct <> 'NaN' THEN least(100, greatest(0, 50 - 5 * growth_pct)) END
$$;
COMMENT ON FUNCTION airesilience.market_pressure(float8) IS
    'Market pressure 0-100 from the BLS projected growth %: 50 - 5 x growth, clamped (0 at +10 % or more, 50 at 0 %, 100 at -10 % or less); NULL or NaN -> NULL';

-- Entry-barrier erosion from the BLS typical entry-level education: the
-- lower the credential, the less it shields the entry-level work from
-- automation.  Unknown wording gives NULL (no signal).
CREATE FUNCTION airesilience.entry_barrier_erosion(entry_education text)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE entry_education
               WHEN 'No formal educational credential' THEN 90
               WHEN 'High school diploma or equivalent' THEN 75
               WHEN 'Postsecondary nondegree award' THEN 60
               WHEN 'Some college, no degree' THEN 55
               WHEN 'Associate''s degree' THEN 45
               WHEN 'Bachelor''s degree' THEN 30
               WHEN 'Master''s degree' THEN 15
               WHEN 'Doctoral or professional degree' THEN 5
           END::float8
$$;
COMMENT ON FUNCTION airesilience.entry_barrier_erosion(text) IS
    'Entry-barrier erosion 0-100 from the BLS typical entry education: none 90, high school 75, postsecondary nondegree award 60, some college 55, associate''s 45, bachelor''s 30, master''s 15, doctoral or professional 5; other text NULL';

------------------------------------------------------------------------------
-- Signals
------------------------------------------------------------------------------

-- The signals the extension computes.  Fixed: a signal is a branch of
-- occupation_signal, so rows cannot be added or changed; presets weigh them.
CREATE TABLE airesilience.signal (
    signal      text PRIMARY KEY CHECK (signal ~ '^[a-z][a-z0-9_]*$'),
    orientation text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    description text NOT NULL
);
COMMENT ON TABLE airesilience.signal IS
    'The per-occupation signals composite scores weigh (read-only: each is computed by the view occupation_signal)';
COMMENT ON COLUMN airesilience.signal.orientation IS
    'resilience: higher means more resilient; exposure: higher means more exposed';
INSERT INTO airesilience.signal (signal, orientation, description) VALUES
    ('human_contribution', 'resilience',
     'Mean of the occupation''s source scores on 0-100 (the task model and the exposure datasets, as in source_report)'),
    ('employer_demand', 'resilience',
     '0.60 x percentile of BLS annual openings + 0.40 x percentile of BLS projected growth'),
    ('economic_opportunity', 'resilience',
     '0.67 x percentile of the projected wage bill (projected employment x median wage) + 0.33 x adaptability (percentile of the mean task resilience of the 10 closest related occupations)'),
    ('task_exposure', 'exposure',
     'Weighted mean task exposure, 0-100: core tasks weigh 3, other tasks of importance >= 3.5 weigh 2, others 1'),
    ('digital_exposure', 'exposure',
     'The digital_exposure source (Karpathy/BLS, 0-10) on 0-100: rating x 10'),
    ('market_pressure', 'exposure',
     'From BLS projected growth: 50 - 5 x growth %, clamped to 0-100'),
    ('entry_barrier_erosion', 'exposure',
     'From BLS typical entry education: none 90, high school 75, nondegree award 60, some college 55, associate''s 45, bachelor''s 30, master''s 15, doctoral 5');

CREATE FUNCTION airesilience.signal_readonly()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'cannot % %.%: its rows are the signals the extension computes',
                    lower(TG_OP), TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation',
              HINT = 'Weigh the signals in airesilience.composite_weight.';
END
$$;
COMMENT ON FUNCTION airesilience.signal_readonly() IS
    'Trigger: keeps the list of signals read-only';
CREATE TRIGGER signal_readonly BEFORE INSERT OR UPDATE OR DELETE ON airesilience.signal
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.signal_readonly();
CREATE TRIGGER signal_readonly_truncate BEFORE TRUNCATE ON airesilience.signal
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.signal_readonly();
COMMENT ON TRIGGER signal_readonly ON airesilience.signal IS 'The signals are fixed by the extension';
COMMENT ON TRIGGER signal_readonly_truncate ON airesilience.signal IS 'The signals are fixed by the extension';

-- Each branch computes one kind of signal (the first, two that share their
-- input), grouped or keyed by onet_code, so a condition on onet_code reaches
-- every branch.
CREATE VIEW airesilience.occupation_signal AS
SELECT x.onet_code,
       x.signal,
       x.value,
       g.orientation,
       x.detail
  FROM (-- human_contribution and task_exposure from one grouping of
        -- occupation_source_grid, which carries the task summary: one pass
        -- over the tasks for both, where a branch each would make two.
        -- human_contribution averages the source_report rows (the grid's
        -- rows with a raw value); task_exposure is there when a task is
        -- rated.
        SELECT h.onet_code,
               b.signal,
               b.value,
               b.detail
          FROM (SELECT onet_code,
                       count(raw_value) AS source_count,
                       airesilience.weighted_resilience(score, 1) FILTER (WHERE raw_value IS NOT NULL) AS mean_score,
                       jsonb_object_agg(source, score) FILTER (WHERE raw_value IS NOT NULL) AS scores,
                       rated_task_count,
                       tier_exposure,
                       core_rated,
                       important_rated,
                       supporting_rated
                  FROM airesilience.occupation_source_grid
                 GROUP BY onet_code, rated_task_count, tier_exposure, core_rated, important_rated, supporting_rated) h
         CROSS JOIN LATERAL (VALUES
                   ('human_contribution', h.source_count > 0, h.mean_score,
                    jsonb_build_object('sources', h.scores)),
                   ('task_exposure', h.rated_task_count > 0, h.tier_exposure,
                    jsonb_build_object('tasks', h.rated_task_count, 'core', h.core_rated,
                                       'important', h.important_rated, 'supporting', h.supporting_rated))
               ) b (signal, present, value, detail)
         WHERE b.present
        UNION ALL
        SELECT v.onet_code,
               'digital_exposure',
               100 * (v.raw_value - s.scale_min) / (s.scale_max - s.scale_min),
               jsonb_build_object('raw_value', v.raw_value)
          FROM airesilience.source_value v
          JOIN airesilience.source s ON s.source = v.source
         WHERE v.source = 'digital_exposure'
        UNION ALL
        -- the two-part signals: the weighted mean of the parts present
        SELECT o.onet_code,
               c.signal,
               airesilience.weighted_resilience(c.value, c.weight),
               jsonb_object_agg(c.part, c.value)
          FROM airesilience.occupation o
          LEFT JOIN airesilience.labor_percentile p ON p.soc_code = o.soc_code
          LEFT JOIN airesilience.occupation_adaptability a ON a.onet_code = o.onet_code
         CROSS JOIN LATERAL (VALUES
                   ('employer_demand', 'openings_percentile', 0.60::float8, p.openings_percentile),
                   ('employer_demand', 'growth_percentile', 0.40::float8, p.growth_percentile),
                   ('economic_opportunity', 'wage_bill_percentile', 0.67::float8, p.wage_bill_percentile),
                   ('economic_opportunity', 'adaptability', 0.33::float8, a.percentile)
               ) c (signal, part, weight, value)
         WHERE c.value IS NOT NULL
         GROUP BY o.onet_code, c.signal
        UNION ALL
        SELECT o.onet_code,
               b.signal,
               b.value,
               b.detail
          FROM airesilience.occupation o
          JOIN airesilience.labor_stats l ON l.soc_code = o.soc_code
         CROSS JOIN LATERAL (VALUES
                   ('market_pressure', airesilience.market_pressure(l.growth_pct),
                    jsonb_build_object('growth_pct', l.growth_pct)),
                   ('entry_barrier_erosion', airesilience.entry_barrier_erosion(l.entry_education),
                    jsonb_build_object('entry_education', l.entry_education))
               ) b (signal, value, detail)
         WHERE b.value IS NOT NULL) x
  JOIN airesilience.signal g ON g.signal = x.signal;
COMMENT ON VIEW airesilience.occupation_signal IS
    'Occupation x signal: the signal''s value on 0-100, its orientation, and what it was computed from; a signal the occupation lacks data for has no row';
COMMENT ON COLUMN airesilience.occupation_signal.value IS
    '0-100; higher = more resilient for resilience signals, more exposed for exposure signals';
COMMENT ON COLUMN airesilience.occupation_signal.detail IS
    'The inputs: source scores, task counts by tier, raw rating, percentile parts, growth or education';

------------------------------------------------------------------------------
-- Presets
------------------------------------------------------------------------------

CREATE TABLE airesilience.composite_preset (
    preset       text PRIMARY KEY CHECK (preset ~ '^[a-z][a-z0-9_]*$'),
    description  text,
    orientation  text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    label_scheme text NOT NULL REFERENCES airesilience.label_scheme ON UPDATE CASCADE,
    builtin      boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.composite_preset IS
    'Named composite scores: their orientation and label scheme; the weights are in composite_weight';
COMMENT ON COLUMN airesilience.composite_preset.orientation IS
    'Which way the score points; a signal of the other orientation counts as 100 - value';
COMMENT ON COLUMN airesilience.composite_preset.label_scheme IS
    'The scheme that labels the score in composite_report';
COMMENT ON COLUMN airesilience.composite_preset.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';

CREATE TABLE airesilience.composite_weight (
    preset      text NOT NULL REFERENCES airesilience.composite_preset ON UPDATE CASCADE ON DELETE CASCADE,
    signal      text NOT NULL REFERENCES airesilience.signal,
    weight      float8 NOT NULL CHECK (weight > 0 AND weight < 'Infinity'),
    builtin     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (preset, signal)
);
COMMENT ON TABLE airesilience.composite_weight IS
    'The weight of each signal in a preset; weights need not sum to 1 (scores divide by the sum of the weights present)';
COMMENT ON COLUMN airesilience.composite_weight.builtin IS
    'Installed by CREATE EXTENSION with its preset: read-only and left out of dumps';

INSERT INTO airesilience.composite_preset (preset, description, orientation, label_scheme, builtin) VALUES
    ('careervillage',
     'CareerVillage''s later model: 0.40 human contribution + 0.30 employer demand + 0.30 economic opportunity, labelled with its six labels',
     'resilience', 'resilience6', true),
    ('jobpocalypse',
     'The Jobpocalypse index: 0.60 task exposure + 0.10 digital exposure + 0.15 market pressure + 0.15 entry-barrier erosion, in its tiers (higher = more exposed)',
     'exposure', 'tiers5', true);
INSERT INTO airesilience.composite_weight (preset, signal, weight, builtin) VALUES
    ('careervillage', 'human_contribution', 0.40, true),
    ('careervillage', 'employer_demand', 0.30, true),
    ('careervillage', 'economic_opportunity', 0.30, true),
    ('jobpocalypse', 'task_exposure', 0.60, true),
    ('jobpocalypse', 'digital_exposure', 0.10, true),
    ('jobpocalypse', 'market_pressure', 0.15, true),
    ('jobpocalypse', 'entry_barrier_erosion', 0.15, true);
CREATE TRIGGER composite_preset_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.composite_preset
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_preset_builtin_truncate BEFORE TRUNCATE ON airesilience.composite_preset
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_weight_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.composite_weight
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER composite_weight_builtin_truncate BEFORE TRUNCATE ON airesilience.composite_weight
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- A weight names a known signal and is positive and finite, with an error
-- that says so (22023) rather than a bare foreign-key or check violation.
-- A built-in preset keeps the weights it was installed with.
CREATE FUNCTION airesilience.composite_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.signal IS NOT NULL
       AND NOT EXISTS (SELECT FROM airesilience.signal g WHERE g.signal = NEW.signal) THEN
        RAISE EXCEPTION 'unknown signal "%"', NEW.signal
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Preset "%s" weighs a signal the extension does not compute.', NEW.preset),
                  HINT = format('The signals are %s.',
                                (SELECT string_agg(g.signal, ', ' ORDER BY g.signal) FROM airesilience.signal g));
    END IF;
    IF NEW.weight IS NOT NULL AND NOT (NEW.weight > 0 AND NEW.weight < 'Infinity') THEN
        RAISE EXCEPTION 'weight of signal "%" must be positive and finite', NEW.signal
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('Preset "%s" gives it %s.', NEW.preset, NEW.weight);
    END IF;
    IF NOT NEW.builtin
       AND EXISTS (SELECT FROM airesilience.composite_preset p WHERE p.preset = NEW.preset AND p.builtin) THEN
        RAISE EXCEPTION 'cannot change the weights of built-in preset "%"', NEW.preset
            USING ERRCODE = 'restrict_violation',
                  DETAIL = 'Built-in presets keep the weights CREATE EXTENSION installed.',
                  HINT = 'Create a preset under a new name with its own weights.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.composite_weight_check() IS
    'Trigger: a weight names a known signal (22023), is positive and finite (22023), and does not belong to a built-in preset (23001)';
CREATE TRIGGER composite_weight_check BEFORE INSERT OR UPDATE ON airesilience.composite_weight
    FOR EACH ROW EXECUTE FUNCTION airesilience.composite_weight_check();
COMMENT ON TRIGGER composite_weight_check ON airesilience.composite_weight IS
    'Rejects unknown signals and non-positive weights with 22023, and changes to built-in presets with 23001';
COMMENT ON TRIGGER composite_preset_builtin ON airesilience.composite_preset IS
    'Built-in presets are read-only';
COMMENT ON TRIGGER composite_preset_builtin_truncate ON airesilience.composite_preset IS
    'Built-in presets cannot be truncated away';
COMMENT ON TRIGGER composite_weight_builtin ON airesilience.composite_weight IS
    'Built-in weights are read-only';
COMMENT ON TRIGGER composite_weight_builtin_truncate ON airesilience.composite_weight IS
    'Built-in weights cannot be truncated away';

SELECT pg_catalog.pg_extension_config_dump('airesilience.composite_preset', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.composite_weight', 'WHERE NOT builtin');

------------------------------------------------------------------------------
-- Reports
------------------------------------------------------------------------------

-- One row per occupation and weighted signal, present or not.  value is the
-- signal as the preset counts it (100 - value when the orientations differ)
-- and points = value x weight / the sum of the weights of the signals the
-- occupation has, so the points add up to the score.  A missing signal has
-- NULL value and points.  The weight share is taken first: at most 1, so a
-- weight near the float8 limit neither overflows nor, if subnormal, loses
-- its digits in the product.
CREATE VIEW airesilience.composite_signal_report AS
SELECT o.onet_code,
       w.preset,
       w.signal,
       v.value,
       w.weight,
       v.value * (w.weight
                  / (sum(w.weight::numeric) FILTER (WHERE v.value IS NOT NULL)
                     OVER (PARTITION BY o.onet_code, w.preset))::float8) AS points,
       g.orientation <> p.orientation AS flipped
  FROM airesilience.occupation o
 CROSS JOIN airesilience.composite_weight w
  JOIN airesilience.composite_preset p ON p.preset = w.preset
  JOIN airesilience.signal g ON g.signal = w.signal
  LEFT JOIN airesilience.occupation_signal s ON s.onet_code = o.onet_code AND s.signal = w.signal
 CROSS JOIN LATERAL (SELECT CASE WHEN g.orientation = p.orientation THEN s.value ELSE 100 - s.value END AS value) v;
COMMENT ON VIEW airesilience.composite_signal_report IS
    'Occupation x preset x signal: the signal''s value as the preset counts it, its weight, and the points it adds to the composite score';
COMMENT ON COLUMN airesilience.composite_signal_report.value IS
    'The signal on 0-100, flipped (100 - value) when its orientation differs from the preset''s; NULL when the occupation lacks it';
COMMENT ON COLUMN airesilience.composite_signal_report.points IS
    'weight x value / sum of the weights of the signals present: the signal''s share of the score';
COMMENT ON COLUMN airesilience.composite_signal_report.flipped IS
    'The signal''s orientation differs from the preset''s, so it counts as 100 - value';

CREATE VIEW airesilience.composite_report AS
SELECT c.onet_code,
       c.preset,
       c.score,
       airesilience.band_label(c.score, l.cuts, l.labels, l.inclusive) AS label,
       c.signals_used,
       c.signals_missing,
       c.coverage,
       c.breakdown
  FROM (SELECT r.onet_code,
               r.preset,
               airesilience.weighted_resilience(r.value, r.weight) AS score,
               count(r.value)::integer AS signals_used,
               coalesce(array_agg(r.signal ORDER BY r.signal) FILTER (WHERE r.value IS NULL), '{}') AS signals_missing,
               (coalesce(sum(r.weight::numeric) FILTER (WHERE r.value IS NOT NULL), 0) / sum(r.weight::numeric))::float8 AS coverage,
               jsonb_object_agg(r.signal, jsonb_build_object('value', r.value, 'weight', r.weight,
                                                             'points', r.points, 'flipped', r.flipped)) AS breakdown
          FROM airesilience.composite_signal_report r
         GROUP BY r.onet_code, r.preset) c
  JOIN airesilience.composite_preset p ON p.preset = c.preset
  JOIN airesilience.label_scheme l ON l.scheme = p.label_scheme;
COMMENT ON VIEW airesilience.composite_report IS
    'Occupation x preset: the composite score (sum of the signals'' points), its label under the preset''s scheme, which signals it rests on, and the breakdown';
COMMENT ON COLUMN airesilience.composite_report.score IS
    'sum(weight x value) / sum(weight) over the preset''s signals the occupation has, 0-100; NULL when it has none';
COMMENT ON COLUMN airesilience.composite_report.signals_used IS
    'How many of the preset''s signals the occupation has';
COMMENT ON COLUMN airesilience.composite_report.signals_missing IS
    'The preset''s signals the occupation lacks (the score is renormalized over the others)';
COMMENT ON COLUMN airesilience.composite_report.coverage IS
    'Share of the preset''s total weight carried by the signals present, 0-1';
COMMENT ON COLUMN airesilience.composite_report.breakdown IS
    'Per signal: {"value", "weight", "points", "flipped"}; value and points are null for a missing signal';

------------------------------------------------------------------------------
-- Ad-hoc weights
------------------------------------------------------------------------------

-- Validates ad-hoc weights: a non-empty JSON object of signal names and
-- positive numbers.  With no orientation given, the signals must share one.
CREATE FUNCTION airesilience.composite_weights_check(weights jsonb, orientation text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bad record;
    orientations text[];
BEGIN
    IF weights IS NULL OR jsonb_typeof(weights) <> 'object' THEN
        RAISE EXCEPTION 'weights must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The weights are %s.', coalesce(jsonb_typeof(weights), 'NULL')),
                  HINT = 'Give weights as {"signal": weight, ...}, for example {"human_contribution": 0.5, "employer_demand": 0.5}.';
    END IF;
    IF weights = '{}'::jsonb THEN
        RAISE EXCEPTION 'weights must name at least one signal'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.key INTO bad
      FROM jsonb_each(weights) e
     WHERE NOT EXISTS (SELECT FROM airesilience.signal g WHERE g.signal = e.key)
     ORDER BY e.key
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'unknown signal "%"', bad.key
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = format('The signals are %s.',
                                (SELECT string_agg(g.signal, ', ' ORDER BY g.signal) FROM airesilience.signal g));
    END IF;
    -- CASE, not OR: only a JSON number may be cast to numeric.  The bounds
    -- are the largest and the smallest positive float8 (subnormal): a number
    -- outside them cannot become a float8 weight.
    SELECT e.key, e.value INTO bad
      FROM jsonb_each(weights) e
     WHERE CASE WHEN jsonb_typeof(e.value) = 'number'
                THEN (e.value)::numeric NOT BETWEEN 4.9406564584124654e-324 AND 1.7976931348623157e308
                ELSE true
           END
     ORDER BY e.key
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'weight of signal "%" must be a positive number', bad.key
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = CASE WHEN jsonb_typeof(bad.value) <> 'number'
                                THEN format('It is %s, a JSON %s.', left(bad.value::text, 40), jsonb_typeof(bad.value))
                                WHEN (bad.value)::numeric > 0
                                THEN 'It lies outside the range of float8, about 4.9e-324 to 1.8e308.'
                                ELSE format('It is %s.', left(bad.value::text, 40))
                           END;
    END IF;
    IF orientation IS NULL THEN
        SELECT array_agg(DISTINCT g.orientation ORDER BY g.orientation) INTO orientations
          FROM jsonb_object_keys(weights) k
          JOIN airesilience.signal g ON g.signal = k;
        IF cardinality(orientations) > 1 THEN
            RAISE EXCEPTION 'weights mix resilience and exposure signals'
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Pass orientation => ''resilience'' or ''exposure''; signals of the other orientation then count as 100 - value.';
        END IF;
    ELSIF orientation NOT IN ('exposure', 'resilience') THEN
        RAISE EXCEPTION 'orientation must be resilience or exposure'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('It is "%s".', orientation);
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION airesilience.composite_weights_check(jsonb, text) IS
    'true for valid ad-hoc weights (a non-empty JSON object of known signals and positive numbers within float8 range, one orientation unless given); otherwise an error (22023) naming the problem';

-- The composite score under ad-hoc weights, computed as composite_report
-- computes a preset's.  An SQL function, so the planner inlines it: with an
-- onet_code, only that occupation's signals are computed.  The check is a
-- condition without columns, so it runs once, before any row.
CREATE FUNCTION airesilience.composite_scores(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
RETURNS TABLE (onet_code text, score float8, breakdown jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT r.onet_code,
           airesilience.weighted_resilience(r.value, r.weight),
           jsonb_object_agg(r.signal, jsonb_build_object('value', r.value, 'weight', r.weight,
                                                         'points', r.points, 'flipped', r.flipped))
      FROM (SELECT o.onet_code,
                   w.signal,
                   v.value,
                   w.weight,
                   v.value * (w.weight
                              / (sum(w.weight::numeric) FILTER (WHERE v.value IS NOT NULL)
                                 OVER (PARTITION BY o.onet_code))::float8) AS points,
                   w.orientation <> w.target AS flipped
              FROM airesilience.occupation o
             CROSS JOIN (SELECT e.key AS signal,
                                (e.value)::float8 AS weight,
                                g.orientation,
                                coalesce($3, min(g.orientation) OVER ()) AS target
                           FROM jsonb_each($1) e
                           JOIN airesilience.signal g ON g.signal = e.key) w
              LEFT JOIN airesilience.occupation_signal s ON s.onet_code = o.onet_code AND s.signal = w.signal
             CROSS JOIN LATERAL (SELECT CASE WHEN w.orientation = w.target THEN s.value ELSE 100 - s.value END AS value) v
             WHERE ($2 IS NULL OR o.onet_code = $2)
               AND airesilience.composite_weights_check($1, $3)) r
     GROUP BY r.onet_code
$$;
COMMENT ON FUNCTION airesilience.composite_scores(jsonb, text, text) IS
    'Composite score and breakdown per occupation (only onet_code''s when given) under ad-hoc weights {"signal": weight, ...}, without storing a preset; orientation as in composite_preset (default: that of the signals); unknown signal or non-positive weight -> 22023';
-- Related occupations by skill overlap: the cosine similarity of two
-- occupations' O*NET skill-importance vectors (see src/similarity.c), the
-- vectors themselves, kept current by triggers, and the top related
-- occupations overall and within the category.

CREATE FUNCTION airesilience.skill_similarity(a float8[], b float8[])
RETURNS float8
AS 'MODULE_PATHNAME', 'skill_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.skill_similarity(float8[], float8[]) IS
    'Cosine similarity sum(a*b) / (|a| |b|), in [-1, 1]; NULL when either vector is all zeros (no direction, similarity undefined); errors (22023) for different lengths, empty, multidimensional or non-finite arrays, (22004) for NULL elements';

-- One skill-importance vector per occupation.  The vectors are stored, not
-- aggregated on the fly, because the page query of the web app compares one
-- occupation with every other: built from occupation_skill it would
-- aggregate some 30,000 skill rows on every page view; stored, it reads
-- about 900 small arrays.  The table is derived data, rebuilt from
-- occupation_skill by the triggers below, so it is deliberately not an
-- extension configuration table: pg_dump leaves its rows out, and restoring
-- occupation_skill rebuilds them.
CREATE TABLE airesilience.skill_vector (
    onet_code   text PRIMARY KEY REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    importance  float8[] NOT NULL
);
COMMENT ON TABLE airesilience.skill_vector IS
    'Derived, maintained by triggers on occupation_skill: per occupation rated on every skill, its skill importances ordered by skill_id';
COMMENT ON COLUMN airesilience.skill_vector.onet_code IS
    'The occupation; it has a vector only when it is rated on every skill id in occupation_skill';
COMMENT ON COLUMN airesilience.skill_vector.importance IS
    'Importance (1-5) of each skill id found in occupation_skill, in skill_id order (C collation); all vectors have the same length';

-- Finds the distinct skill ids with one index probe each, and tells the
-- triggers cheaply whether a statement added or removed a skill id.
CREATE INDEX occupation_skill_skill_id_idx ON airesilience.occupation_skill (skill_id);
COMMENT ON INDEX airesilience.occupation_skill_skill_id_idx IS
    'Serves the skill-vector maintenance (distinct skill ids) and per-skill lookups';

-- Rebuild the vectors of the given occupations, or of all when NULL.  An
-- occupation gets a vector only when it has an importance for every skill id
-- that occurs in occupation_skill, so that all vectors line up element by
-- element; O*NET rates all of its 35 skills for every occupation it rates.
-- Custom plans: with the actual argument the planner drops the "IS NULL OR"
-- branch and reads only the given occupations through their index.
CREATE FUNCTION airesilience.skill_vector_refresh(onet_codes text[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
    skill_count bigint;
BEGIN
    -- A loose index scan: one probe of occupation_skill_skill_id_idx per
    -- distinct skill id, instead of reading every skill row.
    WITH RECURSIVE ids (skill_id) AS (
        SELECT min(s.skill_id) FROM airesilience.occupation_skill s
        UNION ALL
        SELECT (SELECT min(s.skill_id) FROM airesilience.occupation_skill s WHERE s.skill_id > ids.skill_id)
          FROM ids
         WHERE ids.skill_id IS NOT NULL)
    SELECT count(ids.skill_id) INTO skill_count FROM ids;

    WITH fresh AS (
        SELECT s.onet_code,
               array_agg(s.importance ORDER BY s.skill_id COLLATE "C") AS importance
          FROM airesilience.occupation_skill s
         WHERE onet_codes IS NULL OR s.onet_code = ANY (onet_codes)
         GROUP BY s.onet_code
        HAVING count(s.importance) = skill_count),
    stale AS (
        DELETE FROM airesilience.skill_vector v
         WHERE (onet_codes IS NULL OR v.onet_code = ANY (onet_codes))
           AND NOT EXISTS (SELECT FROM fresh f WHERE f.onet_code = v.onet_code))
    INSERT INTO airesilience.skill_vector AS v (onet_code, importance)
    SELECT f.onet_code, f.importance FROM fresh f
        ON CONFLICT (onet_code) DO UPDATE SET importance = excluded.importance
         WHERE v.importance IS DISTINCT FROM excluded.importance;
END
$$;
COMMENT ON FUNCTION airesilience.skill_vector_refresh(text[]) IS
    'Rebuilds skill_vector for the given occupations (all when NULL) from occupation_skill; the triggers call it, call it yourself after loading with triggers disabled';

-- Statement-level maintenance from the transition tables: only the
-- occupations the statement touched are rebuilt, unless it added a skill id
-- no row had before or removed the last row of one.  Either changes the
-- length of every vector, so then all are rebuilt.  A skill id is new when
-- no old row had it and all rows that have it now are new rows; it is gone
-- when old rows had it and no row has it now.  The per-skill counts use
-- occupation_skill_skill_id_idx.  JIT is off: the planner knows nothing of
-- the transition tables, overestimates these small queries, and would spend
-- more time compiling them than running them.
CREATE FUNCTION airesilience.skill_vector_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    skills_changed boolean;
    codes text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM airesilience.skill_vector;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        skills_changed := EXISTS (
            SELECT FROM (SELECT n.skill_id, count(*) AS row_count FROM new_rows n GROUP BY n.skill_id) n
             WHERE n.row_count = (SELECT count(*) FROM airesilience.occupation_skill s
                                   WHERE s.skill_id = n.skill_id));
        IF NOT skills_changed THEN
            SELECT array_agg(DISTINCT n.onet_code) INTO codes FROM new_rows n;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        skills_changed := EXISTS (
            SELECT FROM (SELECT DISTINCT o.skill_id FROM old_rows o) o
             WHERE NOT EXISTS (SELECT FROM airesilience.occupation_skill s WHERE s.skill_id = o.skill_id));
        IF NOT skills_changed THEN
            SELECT array_agg(DISTINCT o.onet_code) INTO codes FROM old_rows o;
        END IF;
    ELSE
        skills_changed := EXISTS (
            SELECT FROM (SELECT n.skill_id, count(*) AS row_count FROM new_rows n GROUP BY n.skill_id) n
             WHERE NOT EXISTS (SELECT FROM old_rows o WHERE o.skill_id = n.skill_id)
               AND n.row_count = (SELECT count(*) FROM airesilience.occupation_skill s
                                   WHERE s.skill_id = n.skill_id))
        OR EXISTS (
            SELECT FROM (SELECT DISTINCT o.skill_id FROM old_rows o) o
             WHERE NOT EXISTS (SELECT FROM airesilience.occupation_skill s WHERE s.skill_id = o.skill_id));
        IF NOT skills_changed THEN
            SELECT array_agg(DISTINCT c.onet_code) INTO codes
              FROM (SELECT n.onet_code FROM new_rows n UNION ALL SELECT o.onet_code FROM old_rows o) c;
        END IF;
    END IF;

    IF skills_changed THEN
        PERFORM airesilience.skill_vector_refresh(NULL);
    ELSIF codes IS NOT NULL THEN    -- NULL: the statement changed no row
        PERFORM airesilience.skill_vector_refresh(codes);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.skill_vector_maintain() IS
    'Trigger: rebuilds the skill vectors of the occupations a statement on occupation_skill touched, or all of them when the set of skill ids changed';

SELECT airesilience.create_maintenance_triggers('airesilience.occupation_skill', 'skill_vector', 'airesilience.skill_vector_maintain', 'skill_vector');

-- Not SQL: n < 1 must raise an error.  One plan serves both scopes: each
-- branch of the candidate list has a one-time filter on same_category, so
-- the generic plan skips the other branch at run time.  That plan is forced:
-- it is as good for every argument, and planning afresh on each call (the
-- default for the first calls, and whenever custom plans look cheaper) would
-- cost as much as running it.  Only the n best candidates are joined to their
-- titles.  Ranked by similarity, highest first, ties by code, so the order is
-- the same on every run.  The titles are looked up one index probe per
-- candidate (the lateral subquery, kept apart by OFFSET 0): joined plainly,
-- the generic plan, which cannot know n, hashes every occupation to find
-- ten titles, which made a call nearly twice as slow on O*NET 29.3.
CREATE FUNCTION airesilience.similar_occupations(onet_code text, n integer DEFAULT 10, same_category boolean DEFAULT false)
RETURNS TABLE (related_code text, title text, category text, similarity float8, rank bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    IF similar_occupations.n < 1 THEN
        RAISE EXCEPTION 'n must be at least 1'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('n is %s.', similar_occupations.n);
    END IF;

    RETURN QUERY
    SELECT best.onet_code, o.title, o.category, best.similarity,
           row_number() OVER (ORDER BY best.similarity DESC NULLS LAST, best.onet_code COLLATE "C")
      FROM (SELECT c.onet_code,
                   airesilience.skill_similarity(me.importance, c.importance) AS similarity
              FROM airesilience.skill_vector me,
                   (SELECT v.onet_code, v.importance
                      FROM airesilience.skill_vector v
                     WHERE NOT similar_occupations.same_category
                    UNION ALL
                    SELECT v.onet_code, v.importance
                      FROM airesilience.occupation mine
                      JOIN airesilience.occupation peer ON peer.category = mine.category
                      JOIN airesilience.skill_vector v ON v.onet_code = peer.onet_code
                     WHERE similar_occupations.same_category
                       AND mine.onet_code = similar_occupations.onet_code) c
             WHERE me.onet_code = similar_occupations.onet_code
               AND c.onet_code <> me.onet_code
             ORDER BY 2 DESC NULLS LAST, c.onet_code COLLATE "C"
             LIMIT similar_occupations.n) best
     CROSS JOIN LATERAL (SELECT t.title, t.category
                           FROM airesilience.occupation t
                          WHERE t.onet_code = best.onet_code
                         OFFSET 0) o
     ORDER BY 5;
END
$$;
COMMENT ON FUNCTION airesilience.similar_occupations(text, integer, boolean) IS
    'The n occupations (default 10) whose skill vectors are most similar (cosine) to that of onet_code, highest first, ties by code; only within its category when same_category; no rows for an unknown code or one without a skill vector; n < 1 -> 22023';

-- The lateral call runs once per occupation the outer query keeps, so
-- WHERE onet_code = '...' computes the lists of that occupation only.
CREATE VIEW airesilience.related_report AS
SELECT v.onet_code,
       s.scope,
       r.rank,
       r.related_code,
       r.title,
       r.similarity
  FROM airesilience.skill_vector v
 CROSS JOIN (VALUES ('overall', false), ('category', true)) AS s (scope, same_category)
 CROSS JOIN LATERAL airesilience.similar_occupations(v.onet_code, 10, s.same_category) r;
COMMENT ON VIEW airesilience.related_report IS
    'Per occupation with a skill vector: the 10 most similar occupations overall and the 10 most similar in its category, by cosine similarity of skill importances';
COMMENT ON COLUMN airesilience.related_report.scope IS
    'overall: among all occupations; category: among the occupations of the same category';
COMMENT ON COLUMN airesilience.related_report.rank IS
    '1 = most similar within the scope; ties broken by code';
COMMENT ON COLUMN airesilience.related_report.similarity IS
    'Cosine similarity of the two skill-importance vectors; with importances 1-5 it lies in (0, 1]';
COMMENT ON COLUMN airesilience.related_report.onet_code IS 'The occupation the list is for';
COMMENT ON COLUMN airesilience.related_report.related_code IS 'A related occupation';
COMMENT ON COLUMN airesilience.related_report.title IS 'Title of the related occupation';
-- Occupation search: by title and alternate titles, typo-tolerant and
-- ranked, with pg_trgm (PostgreSQL contrib).
--
-- An occupation is found by its O*NET title or by any of its alternate
-- titles (occupation_alias): the names other datasets give it, which the
-- public-data loader collects, or names users add.  Matching compares
-- trigrams (the three-letter pieces of each lower-cased word), so a
-- misspelt or partial query still finds its occupation: 'medcal recrds'
-- shares half of its trigrams with 'Medical Records Specialists'.
--
-- pg_trgm is a required extension (airesilience.control), installed in a
-- schema of the user's choice.  While this script runs, search_path holds
-- that schema, so the trigram operator classes below resolve;
-- search_occupations() pins it in its own search_path at the end of this
-- file, so calls do not depend on the caller's search_path.  pg_trgm must
-- therefore stay in that schema (ALTER EXTENSION pg_trgm SET SCHEMA would
-- break the search until the extension is created again).

CREATE TABLE airesilience.occupation_alias (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    alias       text NOT NULL CHECK (alias ~ '\S' AND alias = btrim(alias) AND length(alias) <= 200),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_]*$'),
    PRIMARY KEY (onet_code, alias)
);
-- The same name in another case is the same alias.
CREATE UNIQUE INDEX occupation_alias_lower_idx ON airesilience.occupation_alias (onet_code, lower(alias));
COMMENT ON TABLE airesilience.occupation_alias IS
    'Alternate titles of occupations, searched with their titles by search_occupations()';
COMMENT ON COLUMN airesilience.occupation_alias.alias IS
    'Another name of the occupation: unique per occupation ignoring case, trimmed, at most 200 characters';
COMMENT ON COLUMN airesilience.occupation_alias.source IS
    'Where the name comes from: bls_ooh, bls_projections, frey_osborne (the public-data loader, which replaces these) or any other word for names added by hand';
COMMENT ON INDEX airesilience.occupation_alias_lower_idx IS
    'One alias per occupation and name, whatever its case';

-- Trigram indexes answer the word-similarity operator that selects the
-- candidates (q <% name, which the planner turns into name %> q).  GiST
-- rather than GIN: on tables of this size (about a thousand titles, as many
-- aliases) the planner costs a GIN trigram scan above a sequential scan and
-- ignores it, while the GiST scan is chosen and is several times faster
-- than either (README: measured figures).
CREATE INDEX occupation_title_trgm_idx ON airesilience.occupation USING gist (title gist_trgm_ops);
CREATE INDEX occupation_alias_trgm_idx ON airesilience.occupation_alias USING gist (alias gist_trgm_ops);
COMMENT ON INDEX airesilience.occupation_title_trgm_idx IS
    'Trigrams of the titles, for search_occupations()';
COMMENT ON INDEX airesilience.occupation_alias_trgm_idx IS
    'Trigrams of the alternate titles, for search_occupations()';

-- Ranking.  Each name of an occupation (its title and every alias) scores
--     word_similarity(query, name)
-- pg_trgm's similarity between the query and the stretch of the name that
-- matches it best: shared trigrams / (the query's + the stretch's - shared),
-- 0-1.  'nurse' scores 1 in 'Nurse Midwives' and 5/6 in 'Registered
-- Nurses' (the stretch 'nurs' lacks 'se '); each typo costs the trigrams
-- it touches ('medcal recrds' shares 10 of its 14 trigrams with the 16 of
-- 'Medical Records': 10/20).
-- The whole name is one of the stretches, so the score is never below
-- similarity(query, name) and that measure would add no candidate.  An
-- occupation's score is its best name's (the title on a tie), and
-- occupations are ranked by
--     score, then similarity(query, title), then onet_code
-- so that among equal matches the occupation whose own title is closest to
-- the whole query comes first: 'registered nurse' scores the same in
-- 'Registered Nurses' and in the alias 'Registered nurses' of the nursing
-- specialties, and Registered Nurses leads.  The code makes rank unique.
--
-- Candidates are the names with a score of at least 0.3, set on the
-- function (pg_trgm's default, 0.6, would drop two-typo queries such as
-- 'medcal recrds', 0.5), so results do not depend on session settings.
-- The plan is made once per session (force_generic_plan): planning the
-- label look-up costs more than running it.
CREATE FUNCTION airesilience.search_occupations(query text, n integer DEFAULT 20)
RETURNS TABLE (onet_code text, title text, label text, score real, matched text, rank bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET pg_trgm.word_similarity_threshold = 0.3
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    IF search_occupations.n < 1 THEN
        RAISE EXCEPTION 'n must be at least 1'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('n is %s.', search_occupations.n);
    END IF;
    IF length(search_occupations.query) > 200 THEN
        RAISE EXCEPTION 'query is too long'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('The query has %s characters; at most 200 are searched.',
                                  length(search_occupations.query));
    END IF;

    -- A blank query, or one without a letter or digit, has no trigrams and
    -- matches nothing: no rows, without scanning.
    IF search_occupations.query !~ '[[:alnum:]]' THEN
        RETURN;
    END IF;

    RETURN QUERY
    WITH candidate AS (
        SELECT o.onet_code, o.title AS name, true AS is_title
          FROM airesilience.occupation o
         WHERE search_occupations.query <% o.title
        UNION ALL
        SELECT a.onet_code, a.alias, false
          FROM airesilience.occupation_alias a
         WHERE search_occupations.query <% a.alias),
    best AS (
        SELECT DISTINCT ON (c.onet_code)
               c.onet_code, c.name, word_similarity(search_occupations.query, c.name) AS score
          FROM candidate c
         ORDER BY c.onet_code, 3 DESC, c.is_title DESC, c.name COLLATE "C"),
    ranked AS (
        SELECT b.onet_code, o.title, b.score, b.name,
               row_number() OVER (ORDER BY b.score DESC,
                                           similarity(search_occupations.query, o.title) DESC,
                                           b.onet_code COLLATE "C") AS rank
          FROM best b
          JOIN airesilience.occupation o ON o.onet_code = b.onet_code
         ORDER BY rank
         LIMIT search_occupations.n)
    SELECT r.onet_code, r.title, l.label, r.score, r.name, r.rank
      FROM ranked r
      -- The label of each result alone: OFFSET 0 keeps the lateral
      -- subquery apart, so the code reaches into the view's grouped parts
      -- and no other occupation is scored.
      LEFT JOIN LATERAL (SELECT rep.label
                           FROM airesilience.occupation_report rep
                          WHERE rep.onet_code = r.onet_code
                         OFFSET 0) l ON true
     ORDER BY r.rank;
END
$$;
COMMENT ON FUNCTION airesilience.search_occupations(text, integer) IS
    'The n occupations (default 20) whose title or alternate title best matches query, typo-tolerant (pg_trgm word_similarity >= 0.3), best first: score, then the title''s similarity to the query, then code; with the label and the name that matched. NULL or no letter or digit -> no rows; n < 1 or query over 200 characters -> 22023';

-- Pin pg_trgm's schema (wherever CREATE EXTENSION put it) in the function's
-- search_path; the function names everything of its own with its schema.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO STRICT trgm_schema
      FROM pg_catalog.pg_extension e
      JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    EXECUTE pg_catalog.format('ALTER FUNCTION airesilience.search_occupations(text, integer) '
                              'SET search_path = pg_catalog, %I, pg_temp', trgm_schema);
END
$$;

SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation_alias', '');
-- Seniority defaults: a seniority curve for every category that has none,
-- derived from how exposed the category's tasks are.
--
-- The public data has categories but no curves, and an occupation whose
-- category has no curve has no seniority rows.  The loader calls
-- install_default_seniority_curves() after loading tasks and ratings; users
-- may call it too.  It never touches a curve that exists, so a curve written
-- by hand always wins.  To recompute the defaults after new ratings, delete
-- them first (their description starts with 'Default curve') and call it again.
--
-- The curve.  E is the category's mean task exposure on 0-1: for each
-- occupation with rated tasks, the weighted mean of its task exposure with
-- the weights of task_score (the "potential" of potential_adoption_report,
-- divided by 100), then the plain mean over the category's occupations, so
-- each occupation counts once however many tasks it lists.  A category
-- without rated tasks gets E = 0.5, the middle of the scale: no evidence
-- either way.  E is rounded to 4 decimals and the multipliers computed from
-- the rounded value, so the curve can be recomputed from its description.
--
--     level    years   multiplier          E = 0    E = 0.5   E = 1
--     entry      0     0.97 - 0.30 E       0.97     0.82      0.67
--     mid        4     1    - 0.08 E       1        0.96      0.92
--     senior     8     1    + 0.04 E       1        1.02      1.04
--     lead      15     1    + 0.08 E       1        1.04      1.08
--
-- (the years are those of the built-in seniority levels).  Why these:
--
-- * Entry level carries the brunt, and more so where tasks are exposed.
--   Juniors are given the routine, codified part of an occupation's work --
--   look-ups, data entry, first drafts, standard cases -- which is the part
--   current AI does best, while exceptions, clients and sign-off go to
--   experienced staff.  The more of a category's tasks are exposed, the
--   more of the junior share is among them: hence the slope in E.  The
--   slope 0.30 puts entry-level resilience 16-19% below mid level in the
--   most exposed categories of the public data (E 0.55-0.69: office
--   support, computer and IT, math) and 4-5% below it in the least exposed
--   (construction, production: E 0.06-0.11).  Brynjolfsson, Chandar and
--   Chen (2025, ADP payroll data) measured a 13% relative employment decline
--   for workers aged 22-25 in the most AI-exposed occupations by mid-2025,
--   while older workers in the same occupations held steady or grew; the
--   default is of that order, somewhat larger, because the score describes
--   exposure still to come rather than losses so far.
-- * The entry multiplier is below 1 even at E = 0 (0.97): the routine part
--   of any occupation is the first that tools absorb, so the default never
--   rates a beginner as resilient as the occupation as a whole.
-- * Mid level (1 - 0.08 E) still carries part of the routine work but owns
--   its results: a small discount, at most 8%.
-- * Senior (1 + 0.04 E) and lead (1 + 0.08 E) work is insulated by judgment,
--   relationships and accountability, which stay human; where AI takes on
--   more of the routine work, whoever directs and checks it gains leverage,
--   so the premium grows with E.  It stays small (at most 8%, and
--   seniority_adjust clamps at 100): seniority insulates within an exposed
--   occupation, it does not make the occupation safe.
-- * The multipliers rise with years for every E (entry < mid <= 1 <= senior
--   < lead), and all are positive, as seniority_curve_check requires.

CREATE FUNCTION airesilience.install_default_seniority_curves()
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
    WITH occupation_exposure AS (
        SELECT s.onet_code, s.potential / 100 AS exposure
          FROM airesilience.occupation_task_summary s
    ), category_exposure AS (
        SELECT c.category,
               round(avg(x.exposure)::numeric, 4)::float8 AS e,
               count(x.exposure) AS rated_occupations,
               count(o.onet_code) AS occupations
          FROM airesilience.category c
          LEFT JOIN airesilience.occupation o ON o.category = c.category
          LEFT JOIN occupation_exposure x ON x.onet_code = o.onet_code
         WHERE NOT EXISTS (SELECT FROM airesilience.seniority_curve sc WHERE sc.category = c.category)
         GROUP BY c.category
    ), level_years AS (
        SELECT max(years) FILTER (WHERE level = 'entry') AS entry,
               max(years) FILTER (WHERE level = 'mid') AS mid,
               max(years) FILTER (WHERE level = 'senior') AS senior,
               max(years) FILTER (WHERE level = 'lead') AS lead
          FROM airesilience.seniority_level
         WHERE builtin
    ), inserted AS (
        INSERT INTO airesilience.seniority_curve AS sc (category, years, multipliers, description)
        SELECT c.category,
               ARRAY[y.entry, y.mid, y.senior, y.lead],
               ARRAY[0.97 - 0.30 * c.e, 1 - 0.08 * c.e, 1 + 0.04 * c.e, 1 + 0.08 * c.e],
               'Default curve (install_default_seniority_curves): '
               || CASE WHEN c.rated_occupations > 0
                       THEN format('E = %s, the mean task exposure of the category''s occupations with rated tasks: %s of %s',
                                   c.e, c.rated_occupations, c.occupations)
                       ELSE format('E = %s assumed, as no occupation of the category has rated tasks: 0 of %s',
                                   c.e, c.occupations)
                  END
               || '; multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E'
          FROM (SELECT category, coalesce(e, 0.5) AS e, rated_occupations, occupations
                  FROM category_exposure) c
         CROSS JOIN level_years y
        ON CONFLICT (category) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted
$$;
COMMENT ON FUNCTION airesilience.install_default_seniority_curves() IS
    'Inserts a default seniority curve for every category without one (never replaces a curve) and returns how many it inserted: years of the built-in levels, multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E, where E (0-1) is the mean over the category''s occupations of their weighted mean task exposure, 0.5 when none has rated tasks';
-- Potential vs adoption (the "Automatization" page): how much of an
-- occupation's work AI could do, next to evidence of how much of it people
-- already use AI for.
--
-- potential = weighted mean exposure of the occupation's rated tasks, with
--             the weights of task_score: sum(w * exposure) / sum(w), 0-100
--             (= 100 - task resilience).
-- evidence  = one value 0-100 per usage dataset, with a note on how well the
--             dataset matched the occupation:
--   * a task-level dataset (rows in task_usage): the weighted share of the
--     occupation's tasks with observed usage (share_pct > 0),
--     100 * sum(w of observed tasks) / sum(w of all tasks).  Every task of
--     the occupation counts, rated or not; a task the dataset does not list
--     counts as unobserved, so an occupation none of whose tasks matched gets
--     0 with the note "0 of n tasks matched".
--   * an occupation-level dataset (rows in occupation_usage): its coverage,
--     as stored, with the row's own note.
-- adoption  = mean of the evidence values; NULL when there is none.
--
-- Datasets are registered in usage_dataset: the registry says whether a
-- dataset is task- or occupation-level, so that a single occupation's
-- evidence is computed from that occupation's rows alone, zero matches
-- included.  task_usage rows of an unregistered dataset are not evidence.

CREATE TABLE airesilience.usage_dataset (
    dataset      text PRIMARY KEY CHECK (dataset ~ '^[a-z][a-z0-9_]*$'),
    title        text NOT NULL CHECK (title <> ''),
    level        text NOT NULL CHECK (level IN ('task', 'occupation')),
    match_method text CHECK (match_method <> ''),
    description  text,
    url          text,
    UNIQUE (dataset, level)
);
COMMENT ON TABLE airesilience.usage_dataset IS
    'Datasets of observed AI usage that count as adoption evidence: task-level (rows in task_usage) or occupation-level (rows in occupation_usage)';
COMMENT ON COLUMN airesilience.usage_dataset.level IS
    'task: evidence is the weighted share of the occupation''s tasks with usage in task_usage; occupation: evidence is the coverage stored in occupation_usage';
COMMENT ON COLUMN airesilience.usage_dataset.match_method IS
    'How the dataset was matched to the occupations, quoted in the match-quality note (for example: exact task text to O*NET 29.3)';

-- Occupation-level usage, for datasets published per occupation (or per SOC
-- code, carried to every O*NET occupation of that code).  The generated
-- level column lets the foreign key admit occupation-level datasets only.
CREATE TABLE airesilience.occupation_usage (
    onet_code     text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    dataset       text NOT NULL,
    level         text NOT NULL GENERATED ALWAYS AS ('occupation') STORED,
    coverage_pct  float8 NOT NULL CHECK (coverage_pct BETWEEN 0 AND 100),
    match_quality text CHECK (match_quality <> ''),
    PRIMARY KEY (onet_code, dataset),
    FOREIGN KEY (dataset, level) REFERENCES airesilience.usage_dataset (dataset, level) ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.occupation_usage IS
    'Observed AI usage per occupation: coverage 0-100 of its work by a usage dataset, with a match-quality note';
COMMENT ON COLUMN airesilience.occupation_usage.coverage_pct IS
    'Share of the occupation''s work with observed AI usage, percent (for example Working with AI coverage x 100)';
COMMENT ON COLUMN airesilience.occupation_usage.match_quality IS
    'How this value reached the occupation (for example: SOC-level match); NULL: the dataset''s match_method';
COMMENT ON COLUMN airesilience.occupation_usage.level IS
    'Always occupation: the foreign key admits occupation-level datasets only';

CREATE VIEW airesilience.adoption_evidence AS
SELECT s.onet_code,
       d.dataset AS evidence,
       -- weighted mean of 100 x [usage observed]: the weighted share, 0-100,
       -- NULL when the tasks weigh nothing
       airesilience.weighted_resilience(CASE WHEN u.share_pct > 0 THEN 100 ELSE 0 END, s.weight) AS value,
       count(u.task_id) AS tasks_matched,
       count(*) AS tasks_total,
       format('%s of %s tasks matched%s; unmatched tasks count as unobserved',
              count(u.task_id), count(*), ' by ' || d.match_method) AS match_quality
  FROM airesilience.task_score s
 CROSS JOIN airesilience.usage_dataset d
  LEFT JOIN airesilience.task_usage u
         ON u.onet_code = s.onet_code AND u.task_id = s.task_id AND u.dataset = d.dataset
 WHERE d.level = 'task'
 GROUP BY s.onet_code, d.dataset
UNION ALL
SELECT u.onet_code,
       u.dataset,
       u.coverage_pct,
       NULL,
       NULL,
       coalesce(u.match_quality, d.match_method)
  FROM airesilience.occupation_usage u
  JOIN airesilience.usage_dataset d USING (dataset);
COMMENT ON VIEW airesilience.adoption_evidence IS
    'Occupation x usage dataset: observed AI usage 0-100 (weighted share of tasks with usage, or stored occupation coverage) and how well the dataset matched';
COMMENT ON COLUMN airesilience.adoption_evidence.evidence IS 'The usage dataset (airesilience.usage_dataset)';
COMMENT ON COLUMN airesilience.adoption_evidence.value IS
    'Task-level: 100 x weight of the tasks with usage (share_pct > 0) / weight of all tasks; occupation-level: coverage_pct';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_matched IS 'Tasks the dataset lists (task-level datasets only)';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_total IS 'Tasks of the occupation (task-level datasets only)';

CREATE VIEW airesilience.potential_adoption_report AS
SELECT o.onet_code,
       p.potential,
       a.adoption,
       coalesce(a.evidence_count, 0) AS evidence_count,
       coalesce(a.evidence, '[]') AS evidence
  FROM airesilience.occupation o
  LEFT JOIN airesilience.occupation_task_summary p USING (onet_code)
  LEFT JOIN (SELECT e.onet_code,
                    airesilience.weighted_resilience(e.value, 1) AS adoption,
                    count(e.value) AS evidence_count,
                    jsonb_agg(jsonb_build_object('evidence', e.evidence,
                                                 'title', d.title,
                                                 'value', e.value,
                                                 'tasks_matched', e.tasks_matched,
                                                 'tasks_total', e.tasks_total,
                                                 'match_quality', e.match_quality)
                              ORDER BY e.evidence) AS evidence
               FROM airesilience.adoption_evidence e
               JOIN airesilience.usage_dataset d ON d.dataset = e.evidence
              GROUP BY e.onet_code) a USING (onet_code);
COMMENT ON VIEW airesilience.potential_adoption_report IS
    'One row per occupation: potential (weighted mean task exposure, 0-100) beside adoption (mean of the observed-usage evidence, 0-100) and the evidence itself';
COMMENT ON COLUMN airesilience.potential_adoption_report.potential IS
    'Weighted mean exposure of the rated tasks, task_score weights, 0-100 (= 100 - task resilience); NULL without rated tasks';
COMMENT ON COLUMN airesilience.potential_adoption_report.adoption IS
    'Mean of the evidence values, 0-100; NULL when there is no evidence';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence_count IS 'Evidence values averaged into adoption';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence IS
    'Array of {evidence, title, value, tasks_matched, tasks_total, match_quality}, ordered by evidence; [] when none';

SELECT pg_catalog.pg_extension_config_dump('airesilience.usage_dataset', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation_usage', '');
-- Rater spread (the "AI Jury" page): each task's raters side by side, their
-- median, how far apart they are, and whether they disagree; per occupation,
-- the share of tasks where they disagree.
--
-- Raters disagree on a task when their exposures differ by 50 or more
-- (spread = max - min >= 50).  On the scale of the "GPTs are GPTs" labels
-- (E0 = 0, E2 = 50, E1 = 100) the possible spreads are 0, 50 and 100, so
-- the rule reads "the raters chose different labels"; on a continuous scale
-- it means they are half the scale apart, a difference that changes the
-- task's bucket whatever the median.  A task with a single rater has no
-- jury: its disagree is NULL and it is left out of the occupation's counts.

CREATE VIEW airesilience.task_rater_report AS
SELECT onet_code,
       task_id,
       jsonb_object_agg(rater, exposure) AS ratings,
       count(*) AS rater_count,
       airesilience.source_median(exposure) AS median,
       max(exposure) - min(exposure) AS spread,
       CASE WHEN count(*) >= 2 THEN max(exposure) - min(exposure) >= 50 END AS disagree
  FROM airesilience.task_rating
 GROUP BY onet_code, task_id;
COMMENT ON VIEW airesilience.task_rater_report IS
    'One row per rated task: every rater''s exposure, their median and spread, and whether they disagree (spread >= 50)';
COMMENT ON COLUMN airesilience.task_rater_report.ratings IS 'Object {rater: exposure 0-100}';
COMMENT ON COLUMN airesilience.task_rater_report.median IS 'Median of the raters'' exposures (source_median): the task''s exposure';
COMMENT ON COLUMN airesilience.task_rater_report.spread IS 'Highest minus lowest exposure, 0-100 (0 for a single rater)';
COMMENT ON COLUMN airesilience.task_rater_report.disagree IS
    'spread >= 50: on the E0/E2/E1 scale (0/50/100), the raters chose different labels; NULL with a single rater';

CREATE VIEW airesilience.rater_agreement_report AS
SELECT onet_code,
       count(disagree) AS tasks_rated,
       count(*) FILTER (WHERE disagree) AS tasks_disagreeing,
       (count(*) FILTER (WHERE disagree))::float8 / nullif(count(disagree), 0) AS disagreement_share
  FROM airesilience.task_rater_report
 GROUP BY onet_code;
COMMENT ON VIEW airesilience.rater_agreement_report IS
    'One row per occupation with rated tasks: how many tasks at least two raters rated, on how many they disagree, and the share';
COMMENT ON COLUMN airesilience.rater_agreement_report.tasks_rated IS 'Tasks rated by two or more raters';
COMMENT ON COLUMN airesilience.rater_agreement_report.tasks_disagreeing IS 'Of those, tasks whose raters disagree (spread >= 50)';
COMMENT ON COLUMN airesilience.rater_agreement_report.disagreement_share IS
    'tasks_disagreeing / tasks_rated, 0-1; NULL when no task has two raters';
-- Exposure vectors (NexFuture's page): an occupation's AI exposure split by
-- the kind of technology that would act on the work -- workflow automation,
-- content generation, analysis, physical automation -- each 0-100.
--
-- O*NET links each task to detailed work activities (task_activity), each
-- of which belongs to one of O*NET's 41 generalized work activities (GWA,
-- work_activity.gwa_id).  activity_vector assigns every GWA to one vector.
-- For occupation o and vector v, with T(v) the tasks of o linked to at least
-- one activity whose GWA maps to v (a task counts once per vector, however
-- many of the vector's activities it involves; a task linked to GWAs of
-- several vectors counts in each of them), and w the weights of task_score:
--
--   score(o, v)      = sum(w * exposure) / sum(w) over the rated tasks of T(v)
--                      (0-100, higher = more exposed; NULL: no rated task in v)
--   task_share(o, v) = sum(w over T(v)) / sum(w over all tasks of o)   (0-1)
--   tasks(o, v)      = |T(v)|
--
-- The shares of an occupation's four vectors need not add up to 1: a task
-- can sit in several vectors, and a task without activities in none.

CREATE TABLE airesilience.exposure_vector (
    vector      text PRIMARY KEY CHECK (vector ~ '^[a-z][a-z0-9_]*$'),
    position    smallint NOT NULL UNIQUE,
    description text NOT NULL CHECK (description <> ''),
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.exposure_vector IS
    'Exposure vectors: kinds of technology that act on work (the four of the NexFuture page are built in)';
COMMENT ON COLUMN airesilience.exposure_vector.position IS 'Order of the vector in reports';
COMMENT ON COLUMN airesilience.exposure_vector.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
INSERT INTO airesilience.exposure_vector (vector, position, description, builtin) VALUES
    ('workflow_automation', 1,
     'Workflow automation, decision-support software and process digitisation: processing, checking and recording information, working with computers, scheduling, administration, and coordinating people, work and resources',
     true),
    ('content_generation', 2,
     'Content generation and language-model tools: creating designs and documents, explaining, teaching, selling, and communicating with people',
     true),
    ('analysis', 3,
     'AI-assisted analysis, pattern recognition and predictive modelling: gathering, analysing and judging information, estimating, deciding, planning strategy, and advising',
     true),
    ('physical_automation', 4,
     'Physical automation, robotics and sensors: monitoring surroundings, inspecting, handling objects, operating machines and vehicles, repairing equipment, and physical care for people',
     true);
CREATE TRIGGER exposure_vector_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.exposure_vector
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER exposure_vector_builtin_truncate BEFORE TRUNCATE ON airesilience.exposure_vector
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- Which vector each O*NET generalized work activity belongs to.  The rule:
-- the vector of the technology that would take over or assist the activity.
--   * Acting on objects, bodies, machines or surroundings -> physical_automation
--     (this includes monitoring and inspecting, done by sensors and vision,
--     and caring for others, hands-on work).
--   * Moving, checking, recording and administering information and work
--     -> workflow_automation (including rule-based compliance checks:
--     decision support; and coordinating and directing people and work).
--   * Reasoning over information to a judgment, estimate, decision or
--     advice -> analysis.
--   * Producing language, designs or material for people, and talking with
--     them -> content_generation: what AI does in communication, teaching
--     and selling is produce the message.
-- Documenting/Recording Information is content_generation: most of its
-- intermediate activities in O*NET 29.3 prepare documents, reports and
-- written material; record keeping proper is a minority of them.  O*NET 29.3
-- links detailed activities to 37 of the 41 GWAs; the other four
-- (4.A.3.b.2, 4.A.3.b.5, 4.A.4.b.1, 4.A.4.b.2) are mapped for later releases.
CREATE TABLE airesilience.activity_vector (
    gwa_id      text PRIMARY KEY CHECK (gwa_id ~ '^[0-9]+(\.[0-9A-Za-z]+)+$'),
    vector      text NOT NULL REFERENCES airesilience.exposure_vector ON UPDATE CASCADE,
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.activity_vector IS
    'The exposure vector of each O*NET generalized work activity (GWA); the 41 GWAs of O*NET are built in';
COMMENT ON COLUMN airesilience.activity_vector.gwa_id IS 'O*NET GWA element id (work_activity.gwa_id), for example 4.A.2.a.4';
COMMENT ON COLUMN airesilience.activity_vector.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
INSERT INTO airesilience.activity_vector (gwa_id, vector, builtin) VALUES
    -- Information input
    ('4.A.1.a.1', 'analysis',            true),  -- Getting Information
    ('4.A.1.a.2', 'physical_automation', true),  -- Monitoring Processes, Materials, or Surroundings
    ('4.A.1.b.1', 'analysis',            true),  -- Identifying Objects, Actions, and Events
    ('4.A.1.b.2', 'physical_automation', true),  -- Inspecting Equipment, Structures, or Materials
    ('4.A.1.b.3', 'analysis',            true),  -- Estimating the Quantifiable Characteristics of Products, Events, or Information
    -- Mental processes
    ('4.A.2.a.1', 'analysis',            true),  -- Judging the Qualities of Objects, Services, or People
    ('4.A.2.a.2', 'workflow_automation', true),  -- Processing Information
    ('4.A.2.a.3', 'workflow_automation', true),  -- Evaluating Information to Determine Compliance with Standards
    ('4.A.2.a.4', 'analysis',            true),  -- Analyzing Data or Information
    ('4.A.2.b.1', 'analysis',            true),  -- Making Decisions and Solving Problems
    ('4.A.2.b.2', 'content_generation',  true),  -- Thinking Creatively
    ('4.A.2.b.3', 'analysis',            true),  -- Updating and Using Relevant Knowledge
    ('4.A.2.b.4', 'analysis',            true),  -- Developing Objectives and Strategies
    ('4.A.2.b.5', 'workflow_automation', true),  -- Scheduling Work and Activities
    ('4.A.2.b.6', 'workflow_automation', true),  -- Organizing, Planning, and Prioritizing Work
    -- Work output
    ('4.A.3.a.1', 'physical_automation', true),  -- Performing General Physical Activities
    ('4.A.3.a.2', 'physical_automation', true),  -- Handling and Moving Objects
    ('4.A.3.a.3', 'physical_automation', true),  -- Controlling Machines and Processes
    ('4.A.3.a.4', 'physical_automation', true),  -- Operating Vehicles, Mechanized Devices, or Equipment
    ('4.A.3.b.1', 'workflow_automation', true),  -- Working with Computers
    ('4.A.3.b.2', 'content_generation',  true),  -- Drafting, Laying Out, and Specifying Technical Devices, Parts, and Equipment
    ('4.A.3.b.4', 'physical_automation', true),  -- Repairing and Maintaining Mechanical Equipment
    ('4.A.3.b.5', 'physical_automation', true),  -- Repairing and Maintaining Electronic Equipment
    ('4.A.3.b.6', 'content_generation',  true),  -- Documenting/Recording Information
    -- Interacting with others
    ('4.A.4.a.1', 'content_generation',  true),  -- Interpreting the Meaning of Information for Others
    ('4.A.4.a.2', 'content_generation',  true),  -- Communicating with Supervisors, Peers, or Subordinates
    ('4.A.4.a.3', 'content_generation',  true),  -- Communicating with People Outside the Organization
    ('4.A.4.a.4', 'content_generation',  true),  -- Establishing and Maintaining Interpersonal Relationships
    ('4.A.4.a.5', 'physical_automation', true),  -- Assisting and Caring for Others
    ('4.A.4.a.6', 'content_generation',  true),  -- Selling or Influencing Others
    ('4.A.4.a.7', 'content_generation',  true),  -- Resolving Conflicts and Negotiating with Others
    ('4.A.4.a.8', 'content_generation',  true),  -- Performing for or Working Directly with the Public
    ('4.A.4.b.1', 'workflow_automation', true),  -- Coordinating the Work and Activities of Others
    ('4.A.4.b.2', 'workflow_automation', true),  -- Developing and Building Teams
    ('4.A.4.b.3', 'content_generation',  true),  -- Training and Teaching Others
    ('4.A.4.b.4', 'workflow_automation', true),  -- Guiding, Directing, and Motivating Subordinates
    ('4.A.4.b.5', 'content_generation',  true),  -- Coaching and Developing Others
    ('4.A.4.b.6', 'analysis',            true),  -- Providing Consultation and Advice to Others
    ('4.A.4.c.1', 'workflow_automation', true),  -- Performing Administrative Activities
    ('4.A.4.c.2', 'workflow_automation', true),  -- Staffing Organizational Units
    ('4.A.4.c.3', 'workflow_automation', true);  -- Monitoring and Controlling Resources
CREATE TRIGGER activity_vector_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.activity_vector
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER activity_vector_builtin_truncate BEFORE TRUNCATE ON airesilience.activity_vector
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

CREATE VIEW airesilience.exposure_vector_report AS
SELECT s.onet_code,
       v.vector,
       airesilience.weighted_resilience(s.exposure, s.weight) FILTER (WHERE t.task_id IS NOT NULL) AS score,
       -- weighted mean of 1 x [task in v], computed on 0-100 and scaled
       airesilience.weighted_resilience(CASE WHEN t.task_id IS NOT NULL THEN 100 ELSE 0 END, s.weight) / 100 AS task_share,
       count(t.task_id) AS tasks
  FROM airesilience.task_score s
 CROSS JOIN airesilience.exposure_vector v
  LEFT JOIN (SELECT DISTINCT ta.onet_code, ta.task_id, av.vector
               FROM airesilience.task_activity ta
               JOIN airesilience.work_activity wa ON wa.dwa_id = ta.dwa_id
               JOIN airesilience.activity_vector av ON av.gwa_id = wa.gwa_id) t
         ON t.onet_code = s.onet_code AND t.task_id = s.task_id AND t.vector = v.vector
 GROUP BY s.onet_code, v.vector;
COMMENT ON VIEW airesilience.exposure_vector_report IS
    'Occupation x exposure vector: weighted mean exposure (0-100) of the tasks whose work activities fall in the vector, their share of the task weight, and their number';
COMMENT ON COLUMN airesilience.exposure_vector_report.score IS
    'sum(w x exposure) / sum(w) over the rated tasks linked to the vector''s activities, 0-100 (higher = more exposed); NULL when none is rated';
COMMENT ON COLUMN airesilience.exposure_vector_report.task_share IS
    'Weight of the tasks linked to the vector / weight of all the occupation''s tasks, 0-1';
COMMENT ON COLUMN airesilience.exposure_vector_report.tasks IS 'Tasks linked to the vector''s activities';

SELECT pg_catalog.pg_extension_config_dump('airesilience.exposure_vector', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.activity_vector', 'WHERE NOT builtin');
-- Snapshots: a scoring run, recorded.
--
-- take_snapshot() stores what the reports say at that moment: one header row
-- (when, under which model version and label scheme, with an optional note)
-- and, for every occupation, its occupation_report scores, its per-source
-- scores (source_report), its composite scores per preset (composite_report)
-- and its JSON document (occupation_document): the newest snapshot is what
-- the web app publishes (published_document, src/document.sql).  snapshot_report() reads a snapshot back as the
-- occupation report was; snapshot_changes() compares two snapshots.
--
-- Decisions:
--   * The rows copy what the reports computed, not the inputs: a snapshot
--     reads the same after the data, the formulas (a new model version) or
--     the label scheme change, which is what makes two of them comparable.
--   * No foreign key to occupation: an occupation deleted or recoded later
--     stays in the snapshots that saw it (snapshot_changes reports it as
--     removed); title and category are copied for that reason.
--   * Snapshots are immutable.  Stored rows cannot be updated (23001); a
--     snapshot is removed whole by deleting its header row, which cascades
--     to its rows; deleting some of its rows alone, or truncating, is
--     refused (23001).  Inserting is not refused, because pg_restore writes
--     the rows back that way; take_snapshot() is the way to make one.
--   * User data: the tables and the id sequence are configuration tables, so
--     pg_dump keeps every snapshot, with its id.
--   * An unknown or NULL snapshot id is an error (22023), not an empty
--     result: an empty result would read as "no occupations".

CREATE SEQUENCE airesilience.snapshot_id_seq;
COMMENT ON SEQUENCE airesilience.snapshot_id_seq IS
    'Snapshot ids; dumped with the snapshots, so ids keep increasing after a restore';

CREATE TABLE airesilience.snapshot (
    snapshot_id   bigint PRIMARY KEY DEFAULT nextval('airesilience.snapshot_id_seq'),
    taken_at      timestamptz NOT NULL DEFAULT statement_timestamp(),
    model_version text NOT NULL,
    label_scheme  text NOT NULL,
    note          text
);
ALTER SEQUENCE airesilience.snapshot_id_seq OWNED BY airesilience.snapshot.snapshot_id;
COMMENT ON TABLE airesilience.snapshot IS
    'One row per recorded scoring run (take_snapshot): when, under which model version and label scheme; delete a row to remove that snapshot whole';
COMMENT ON COLUMN airesilience.snapshot.taken_at IS 'Start of the statement that took the snapshot';
COMMENT ON COLUMN airesilience.snapshot.model_version IS 'model_version() when the snapshot was taken';
COMMENT ON COLUMN airesilience.snapshot.label_scheme IS
    'The scheme of snapshot_occupation.label: the airesilience.label_scheme setting when the snapshot was taken (resilience6 when unset)';

CREATE TABLE airesilience.snapshot_occupation (
    snapshot_id     bigint NOT NULL REFERENCES airesilience.snapshot ON DELETE CASCADE,
    onet_code       text NOT NULL,
    title           text NOT NULL,
    category        text NOT NULL,
    task_resilience float8,
    weight_basis    text,
    task_count      bigint,
    source_median   float8,
    source_count    bigint NOT NULL,
    dispersion      float8,
    confidence      text NOT NULL,
    label           text,
    PRIMARY KEY (snapshot_id, onet_code)
);
COMMENT ON TABLE airesilience.snapshot_occupation IS
    'Snapshot x occupation: the occupation_report scores when the snapshot was taken';
COMMENT ON COLUMN airesilience.snapshot_occupation.source_median IS 'The headline score then: median of the source scores, 0-100';
COMMENT ON COLUMN airesilience.snapshot_occupation.label IS 'Label of source_median under the snapshot''s label_scheme';

CREATE TABLE airesilience.snapshot_source (
    snapshot_id   bigint NOT NULL,
    onet_code     text NOT NULL,
    source        text NOT NULL,
    raw_value     float8 NOT NULL,
    score         float8,
    normalization text NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code, source),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_source IS
    'Snapshot x occupation x source: the source_report raw value and 0-100 score when the snapshot was taken';

CREATE TABLE airesilience.snapshot_composite (
    snapshot_id  bigint NOT NULL,
    onet_code    text NOT NULL,
    preset       text NOT NULL,
    score        float8,
    label        text,
    signals_used integer NOT NULL,
    coverage     float8 NOT NULL,
    breakdown    jsonb NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code, preset),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_composite IS
    'Snapshot x occupation x preset: the composite_report score, label, coverage and breakdown when the snapshot was taken';

CREATE TABLE airesilience.snapshot_document (
    snapshot_id bigint NOT NULL,
    onet_code   text NOT NULL,
    document    jsonb NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_document IS
    'Snapshot x occupation: the occupation''s JSON document when the snapshot was taken, lastUpdated set to the snapshot''s time';

-- One guard for the five tables.  A cascaded delete runs after its header
-- row is gone, which is how it is told apart from deleting part of a
-- snapshot.
CREATE FUNCTION airesilience.snapshot_immutable() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'cannot truncate %.%: snapshots are removed whole, one at a time', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  HINT = 'DELETE FROM airesilience.snapshot removes snapshots with all their rows.';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'cannot update %.%: snapshots are immutable', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  DETAIL = format('Snapshot %s records the reports as they were when it was taken.', OLD.snapshot_id),
                  HINT = 'Take a new snapshot with airesilience.take_snapshot().';
    END IF;
    IF EXISTS (SELECT FROM airesilience.snapshot s WHERE s.snapshot_id = OLD.snapshot_id) THEN
        RAISE EXCEPTION 'cannot delete rows of snapshot % from %.%: snapshots are removed whole',
                        OLD.snapshot_id, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation',
                  HINT = format('DELETE FROM airesilience.snapshot WHERE snapshot_id = %s removes the snapshot with all its rows.',
                                OLD.snapshot_id);
    END IF;
    RETURN OLD;
END
$$;
COMMENT ON FUNCTION airesilience.snapshot_immutable() IS
    'Trigger: snapshot rows cannot be updated, truncated, or deleted except with their snapshot''s header row (23001)';

CREATE TRIGGER snapshot_immutable BEFORE UPDATE ON airesilience.snapshot
    FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_immutable();
COMMENT ON TRIGGER snapshot_immutable ON airesilience.snapshot IS 'Snapshot headers cannot be updated';
DO $$
DECLARE
    t regclass;
BEGIN
    FOREACH t IN ARRAY ARRAY['airesilience.snapshot_occupation', 'airesilience.snapshot_source',
                             'airesilience.snapshot_composite', 'airesilience.snapshot_document']::regclass[]
    LOOP
        EXECUTE format('CREATE TRIGGER snapshot_immutable BEFORE UPDATE OR DELETE ON %s
                            FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_immutable()', t);
        EXECUTE format('COMMENT ON TRIGGER snapshot_immutable ON %s IS %L',
                       t, 'Rows cannot be updated, nor deleted apart from their snapshot');
    END LOOP;
    FOREACH t IN ARRAY ARRAY['airesilience.snapshot', 'airesilience.snapshot_occupation', 'airesilience.snapshot_source',
                             'airesilience.snapshot_composite', 'airesilience.snapshot_document']::regclass[]
    LOOP
        EXECUTE format('CREATE TRIGGER snapshot_immutable_truncate BEFORE TRUNCATE ON %s
                            FOR EACH STATEMENT EXECUTE FUNCTION airesilience.snapshot_immutable()', t);
        EXECUTE format('COMMENT ON TRIGGER snapshot_immutable_truncate ON %s IS %L',
                       t, 'Snapshots are deleted, not truncated');
    END LOOP;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_occupation', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_source', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_composite', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_document', '');

-- One statement writes the whole snapshot, so the reports and documents it
-- copies see one state of the data even while other sessions load.  A
-- document's lastUpdated is the new snapshot's time: the statement cannot
-- see its own header row, so it is set here rather than by
-- data_updated_at().  The label
-- scheme is looked up first: an unknown one fails (22023) even when there
-- are no occupations to label.
CREATE FUNCTION airesilience.take_snapshot(note text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    scheme text := coalesce(nullif(current_setting('airesilience.label_scheme', true), ''), 'resilience6');
    taken bigint;
BEGIN
    PERFORM airesilience.score_label(NULL);
    WITH header AS (
        INSERT INTO airesilience.snapshot (model_version, label_scheme, note)
        VALUES (airesilience.model_version(), scheme, take_snapshot.note)
        RETURNING snapshot_id, taken_at),
    occupations AS (
        INSERT INTO airesilience.snapshot_occupation
            (snapshot_id, onet_code, title, category, task_resilience, weight_basis, task_count,
             source_median, source_count, dispersion, confidence, label)
        SELECT h.snapshot_id, r.onet_code, r.title, r.category, r.task_resilience, r.weight_basis, r.task_count,
               r.source_median, r.source_count, r.dispersion, r.confidence, r.label
          FROM header h, airesilience.occupation_report r),
    sources AS (
        INSERT INTO airesilience.snapshot_source (snapshot_id, onet_code, source, raw_value, score, normalization)
        SELECT h.snapshot_id, r.onet_code, r.source, r.raw_value, r.score, r.normalization
          FROM header h, airesilience.source_report r),
    composites AS (
        INSERT INTO airesilience.snapshot_composite
            (snapshot_id, onet_code, preset, score, label, signals_used, coverage, breakdown)
        SELECT h.snapshot_id, r.onet_code, r.preset, r.score, r.label, r.signals_used, r.coverage, r.breakdown
          FROM header h, airesilience.composite_report r),
    documents AS (
        INSERT INTO airesilience.snapshot_document (snapshot_id, onet_code, document)
        SELECT h.snapshot_id, o.onet_code,
               jsonb_set(airesilience.occupation_document(o.onet_code), '{lastUpdated}',
                         to_jsonb(to_char(h.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
          FROM header h, airesilience.occupation o)
    SELECT h.snapshot_id INTO taken FROM header h;
    RETURN taken;
END
$$;
COMMENT ON FUNCTION airesilience.take_snapshot(text) IS
    'Records the current occupation, source and composite reports and the JSON document of every occupation as a new snapshot and returns its id; unknown label scheme -> 22023';

-- Fails (22023) unless every id names a snapshot; true otherwise, so that it
-- can stand as a condition that runs once, before any row.
CREATE FUNCTION airesilience.snapshot_check(VARIADIC snapshot_ids bigint[])
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    missing bigint;
BEGIN
    IF snapshot_ids IS NULL OR array_position(snapshot_ids, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'snapshot id must not be NULL'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT i INTO missing
      FROM unnest(snapshot_ids) i
     WHERE NOT EXISTS (SELECT FROM airesilience.snapshot s WHERE s.snapshot_id = i)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'snapshot % does not exist', missing
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The snapshots are the rows of airesilience.snapshot.';
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION airesilience.snapshot_check(bigint[]) IS
    'true when every id names a snapshot; NULL or unknown id -> 22023';

-- SQL functions, so the planner inlines them: a condition on onet_code
-- reaches the primary keys of the snapshot tables.  The check is a
-- condition without columns, run once before any row.  Ids are compared
-- through coalesce(id, 0) (ids start at 1): a comparison with a NULL
-- constant would be folded to false, and the planner would then drop the
-- whole query, check included, instead of failing.
CREATE FUNCTION airesilience.snapshot_report(snapshot_id bigint)
RETURNS TABLE (snapshot_id bigint, taken_at timestamptz, model_version text, label_scheme text,
               onet_code text, title text, category text, task_resilience float8, weight_basis text,
               task_count bigint, source_median float8, source_count bigint, dispersion float8,
               confidence text, label text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT s.snapshot_id, s.taken_at, s.model_version, s.label_scheme,
           o.onet_code, o.title, o.category, o.task_resilience, o.weight_basis,
           o.task_count, o.source_median, o.source_count, o.dispersion,
           o.confidence, o.label
      FROM airesilience.snapshot s
      JOIN airesilience.snapshot_occupation o ON o.snapshot_id = s.snapshot_id
     WHERE s.snapshot_id = coalesce($1, 0)
       AND airesilience.snapshot_check($1)
$$;
COMMENT ON FUNCTION airesilience.snapshot_report(bigint) IS
    'The occupation report as recorded by a snapshot, one row per occupation; NULL or unknown id -> 22023';

-- Per occupation present in either snapshot.  Two branches rather than a
-- full join, so that a condition on onet_code reaches both.  A source (a
-- preset) counts as changed when its score (score or label) differs or it
-- is present in only one of the two snapshots; an occupation is changed
-- when its headline score, label or confidence, a source or a preset is.
CREATE FUNCTION airesilience.snapshot_changes(from_id bigint, to_id bigint)
RETURNS TABLE (onet_code text, title text, change text,
               old_score float8, new_score float8, delta float8,
               old_label text, new_label text, old_confidence text, new_confidence text,
               sources_changed text[], presets_changed text[])
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT x.onet_code, x.title,
           CASE WHEN x.old_count IS NULL THEN 'added'
                WHEN x.new_count IS NULL THEN 'removed'
                WHEN (x.old_score, x.old_label, x.old_confidence) IS DISTINCT FROM (x.new_score, x.new_label, x.new_confidence)
                     OR cardinality(c.sources) > 0 OR cardinality(k.presets) > 0 THEN 'changed'
                ELSE 'unchanged'
           END,
           x.old_score, x.new_score, x.new_score - x.old_score,
           x.old_label, x.new_label, x.old_confidence, x.new_confidence,
           c.sources, k.presets
      FROM (SELECT a.onet_code, coalesce(b.title, a.title) AS title,
                   a.source_count AS old_count, b.source_count AS new_count,
                   a.source_median AS old_score, b.source_median AS new_score,
                   a.label AS old_label, b.label AS new_label,
                   a.confidence AS old_confidence, b.confidence AS new_confidence
              FROM airesilience.snapshot_occupation a
              LEFT JOIN airesilience.snapshot_occupation b ON b.snapshot_id = coalesce($2, 0) AND b.onet_code = a.onet_code
             WHERE a.snapshot_id = coalesce($1, 0)
            UNION ALL
            SELECT b.onet_code, b.title,
                   NULL, b.source_count,
                   NULL, b.source_median,
                   NULL, b.label,
                   NULL, b.confidence
              FROM airesilience.snapshot_occupation b
             WHERE b.snapshot_id = coalesce($2, 0)
               AND NOT EXISTS (SELECT FROM airesilience.snapshot_occupation a
                                WHERE a.snapshot_id = coalesce($1, 0) AND a.onet_code = b.onet_code)) x
     CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(coalesce(p.source, q.source) ORDER BY coalesce(p.source, q.source)), '{}') AS sources
              FROM (SELECT v.source, v.score FROM airesilience.snapshot_source v
                     WHERE v.snapshot_id = coalesce($1, 0) AND v.onet_code = x.onet_code) p
              FULL JOIN (SELECT v.source, v.score FROM airesilience.snapshot_source v
                          WHERE v.snapshot_id = coalesce($2, 0) AND v.onet_code = x.onet_code) q ON q.source = p.source
             WHERE p.score IS DISTINCT FROM q.score
                OR p.source IS NULL OR q.source IS NULL) c
     CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(coalesce(p.preset, q.preset) ORDER BY coalesce(p.preset, q.preset)), '{}') AS presets
              FROM (SELECT v.preset, v.score, v.label FROM airesilience.snapshot_composite v
                     WHERE v.snapshot_id = coalesce($1, 0) AND v.onet_code = x.onet_code) p
              FULL JOIN (SELECT v.preset, v.score, v.label FROM airesilience.snapshot_composite v
                          WHERE v.snapshot_id = coalesce($2, 0) AND v.onet_code = x.onet_code) q ON q.preset = p.preset
             WHERE (p.score, p.label) IS DISTINCT FROM (q.score, q.label)
                OR p.preset IS NULL OR q.preset IS NULL) k
     WHERE airesilience.snapshot_check($1, $2)
$$;
COMMENT ON FUNCTION airesilience.snapshot_changes(bigint, bigint) IS
    'Per occupation in either snapshot: added, removed, changed or unchanged from from_id to to_id, old and new headline score, delta = new - old, old and new label and confidence, the sources and presets whose score changed; NULL or unknown id -> 22023';
-- What-if: the composite score under ad-hoc weights beside the stored
-- report, without storing a preset.
--
-- The score and its breakdown are composite_scores' (src/composite.sql),
-- with its validation (22023).  The comparison is with the built-in preset
-- of the same orientation: careervillage for resilience weights, whose
-- scheme resilience6 labels the what-if score, and jobpocalypse for
-- exposure weights (scheme tiers5).  The orientation is the one passed, or
-- else the one the signals share, as in composite_scores.
--
-- An SQL function, so the planner inlines it.  The condition on onet_code is
-- repeated outside composite_scores: inside, it stops at the grouping, and
-- the stored report and the baseline would be computed for every
-- occupation.  So is the check of the weights: inside, it may sit below a
-- join that never runs it (an unknown onet_code), and invalid weights must
-- fail whatever the occupation.

CREATE FUNCTION airesilience.what_if(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
RETURNS TABLE (onet_code text, title text, source_median float8, label text,
               what_if_score float8, what_if_label text,
               baseline_preset text, baseline_score float8, delta float8,
               breakdown jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT w.onet_code, r.title, r.source_median, r.label,
           w.score,
           airesilience.band_label(w.score, l.cuts, l.labels, l.inclusive),
           p.preset, b.score, w.score - b.score,
           w.breakdown
      FROM airesilience.composite_scores($1, $2, $3) w
      JOIN airesilience.occupation_report r ON r.onet_code = w.onet_code
      JOIN airesilience.composite_preset p
        ON p.preset = CASE coalesce($3, (SELECT min(g.orientation) FROM airesilience.signal g WHERE $1 ? g.signal))
                          WHEN 'resilience' THEN 'careervillage'
                          ELSE 'jobpocalypse'
                      END
      JOIN airesilience.label_scheme l ON l.scheme = p.label_scheme
      LEFT JOIN airesilience.composite_report b ON b.onet_code = w.onet_code AND b.preset = p.preset
     WHERE ($2 IS NULL OR w.onet_code = $2)
       AND airesilience.composite_weights_check($1, $3)
$$;
COMMENT ON FUNCTION airesilience.what_if(jsonb, text, text) IS
    'Per occupation (only onet_code''s when given): the stored headline and label, the composite score under ad-hoc weights {"signal": weight, ...} with its label and breakdown, and its delta from the built-in preset of the same orientation (careervillage or jobpocalypse); changes nothing; invalid weights -> 22023 as composite_scores';
-- The JSON document of one occupation, as the web app serves it on the
-- occupation's page, and the explanation sentence it carries.
--
-- The top-level fields follow CareerVillage's public API (code, name,
-- nameShort, slug, level, description, url, lastUpdated, aiResilience, airm,
-- tasks), so its clients keep working; the other blocks are the extension's
-- own reports, one block per report view.  The README's "The occupation
-- document" section documents every field.
--
-- Scales: aiResilience.score and tasks[].automationLikelihood are on 0-1, as
-- in the CareerVillage API; every other score is on 0-100, as in the views.
--
-- Determinism: the same data and settings give the same document, byte for
-- byte.  Numbers are written in the shortest form that reads back to the same
-- float8 whatever the session's extra_float_digits (the function sets it), no
-- field depends on the session's time zone, and every array has a total order.
-- Labels follow the setting airesilience.label_scheme, as in the views.

------------------------------------------------------------------------------
-- Small pieces
------------------------------------------------------------------------------

-- URL slug: the title in lower case, each run of characters other than a-z
-- and 0-9 turned into one hyphen, no hyphen at either end.  The titles of
-- O*NET 29.3 give 1,016 distinct slugs for 1,016 occupations.
CREATE FUNCTION airesilience.occupation_slug(title text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(title), '[^a-z0-9]+', '-', 'g'), '-')
$$;
COMMENT ON FUNCTION airesilience.occupation_slug(text) IS
    'URL slug of a title: lower case, runs of characters other than a-z and 0-9 become one hyphen, none at the ends (Medical Records Specialists -> medical-records-specialists)';

-- Short name for narrow places (cards, breadcrumbs): the title without an
-- O*NET qualifier (", Except ..." or ", All Other ..."); when that is still
-- longer than 26 characters, its last word is cut to four letters and a
-- period, as CareerVillage shows "Medical Records Spec.".
CREATE FUNCTION airesilience.occupation_short_name(title text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN pg_catalog.length(t) > 26 AND t ~ ' [A-Za-z]{5,}$'
                THEN pg_catalog.regexp_replace(t, ' ([A-Za-z]{4})[A-Za-z]+$', ' \1.')
                ELSE t
           END
      FROM (SELECT pg_catalog.regexp_replace(title, ', (Except|All Other)\M.*$', '') AS t) s
$$;
COMMENT ON FUNCTION airesilience.occupation_short_name(text) IS
    'Short title: without a trailing ", Except ..." or ", All Other ..." qualifier; if still longer than 26 characters, the last word (5 letters or more) cut to its first four letters and a period';

-- When the reports were last recorded (lastUpdated): the time of the newest
-- snapshot, the scoring run the site publishes.  A stored time, never
-- now(): the same data must give the same document.
CREATE FUNCTION airesilience.data_updated_at()
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT max(taken_at) FROM airesilience.snapshot
$$;
COMMENT ON FUNCTION airesilience.data_updated_at() IS
    'When the reports were last recorded, as the JSON document reports it (lastUpdated): the time of the newest snapshot (take_snapshot), NULL before the first';

-- A number for a sentence: rounded to one decimal, without a trailing ".0".
CREATE FUNCTION airesilience.explanation_number(x float8)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.trim_scale(pg_catalog.round(x::numeric, 1))::text
$$;
COMMENT ON FUNCTION airesilience.explanation_number(float8) IS
    'A score as the explanation writes it: rounded to one decimal (half away from zero), no trailing .0 (75, 25.6)';

------------------------------------------------------------------------------
-- The explanation
------------------------------------------------------------------------------

-- The explanation is written from a document's own blocks, so the text and
-- the numbers beside it cannot disagree.  Up to three sentences:
--
--  1. The score and how far the sources agree.  The agreement word is the
--     grade consensus_confidence gives the interquartile range alone (as for
--     a full set of four sources): High "agree closely", Medium-high "mostly
--     agree", Medium "partly agree", Low-medium "diverge", Low "disagree
--     widely".  The confidence named after it also counts the sources.
--       n >= 2: "The score of <name> is <m> out of 100 (<label>), the median
--               of <n> sources, which <agreement> (interquartile range <iqr>
--               points): confidence is <confidence>."
--       n = 1:  "The score of <name> is <m> out of 100 (<label>), from a
--               single source, so confidence is <confidence>."
--       n = 0:  "There is no score for <name> yet: no source rates it."
--  2. The strongest and the weakest task.  Strongest: the rated task ranked
--     first (task_report: highest resilience, then core, then heavier, then
--     lower task id).  Weakest: among the rated tasks of the lowest
--     resilience, the one ranked first by the same tie-breaks (the most
--     important of the most exposed).
--       two or more rated tasks, resiliences differ:
--               "Its most resilient task is "<task>" (resilience <r>); its
--               most exposed is "<task>" (resilience <r>)."
--       two or more rated tasks, all equal:
--               "All <k> of its rated tasks have a resilience of <r>."
--       one:    "Its only rated task is "<task>" (resilience <r>)."
--       tasks, none rated: "Its tasks are not rated yet."
--       no task: "It has no tasks on record."
--     A task is quoted without its final period.
--  3. The seniority effect, only when there is a score: the adjusted score
--     at the first and at the last seniority level (by position; built in:
--     entry and lead).
--       scores differ (as written): "Adjusted for seniority, the score runs
--               from <s1> (<label>) at <level1> level to <s2> (<label>) at
--               <level2> level."
--       equal:  "Seniority does not change it: <s> at <level1> and at
--               <level2> level."
--       no seniority rows: "Its category has no seniority curve, so no
--               seniority adjustment is given."
-- Numbers are rounded to one decimal (explanation_number).
CREATE FUNCTION airesilience.document_explanation(document jsonb)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    occ_name   text := document->>'name';
    consensus  jsonb := document->'consensus';
    n          bigint := coalesce((document->'consensus'->>'n')::bigint, 0);
    median     float8 := (document->'consensus'->>'median')::float8;
    label      text := document->'aiResilience'->>'label';
    tasks      jsonb := coalesce(document->'tasks', '[]');
    seniority  jsonb := coalesce(document->'seniority', '[]');
    task_count integer := jsonb_array_length(coalesce(document->'tasks', '[]'));
    rated      integer;
    strongest  jsonb;
    weakest    jsonb;
    first_level jsonb;
    last_level  jsonb;
    parts      text[] := '{}';
BEGIN
    -- 1. Score and agreement.
    IF n = 0 OR median IS NULL THEN
        parts := parts || format('There is no score for %s yet: no source rates it.', occ_name);
    ELSIF n = 1 THEN
        parts := parts || format('The score of %s is %s out of 100 (%s), from a single source, so confidence is %s.',
                                 occ_name, airesilience.explanation_number(median), label,
                                 consensus->>'confidence');
    ELSE
        parts := parts || format('The score of %s is %s out of 100 (%s), the median of %s sources, which %s (interquartile range %s points): confidence is %s.',
                                 occ_name, airesilience.explanation_number(median), label, n,
                                 CASE airesilience.consensus_confidence(4, (consensus->>'iqr')::float8)
                                     WHEN 'High' THEN 'agree closely'
                                     WHEN 'Medium-high' THEN 'mostly agree'
                                     WHEN 'Medium' THEN 'partly agree'
                                     WHEN 'Low-medium' THEN 'diverge'
                                     ELSE 'disagree widely'
                                 END,
                                 airesilience.explanation_number((consensus->>'iqr')::float8),
                                 consensus->>'confidence');
    END IF;

    -- 2. Strongest and weakest task.
    SELECT count(*) INTO rated
      FROM jsonb_array_elements(tasks) t
     WHERE jsonb_typeof(t->'resilience') = 'number';
    SELECT t INTO strongest
      FROM jsonb_array_elements(tasks) t
     WHERE jsonb_typeof(t->'resilience') = 'number'
     ORDER BY (t->>'rank')::bigint
     LIMIT 1;
    SELECT t INTO weakest
      FROM jsonb_array_elements(tasks) t
     WHERE jsonb_typeof(t->'resilience') = 'number'
     ORDER BY (t->>'resilience')::float8, (t->>'rank')::bigint
     LIMIT 1;
    IF task_count = 0 THEN
        parts := parts || 'It has no tasks on record.'::text;
    ELSIF rated = 0 THEN
        parts := parts || 'Its tasks are not rated yet.'::text;
    ELSIF rated = 1 THEN
        parts := parts || format('Its only rated task is "%s" (resilience %s).',
                                 regexp_replace(strongest->>'task', '\.$', ''),
                                 airesilience.explanation_number((strongest->>'resilience')::float8));
    ELSIF (strongest->>'resilience')::float8 = (weakest->>'resilience')::float8 THEN
        parts := parts || format('All %s of its rated tasks have a resilience of %s.',
                                 rated, airesilience.explanation_number((strongest->>'resilience')::float8));
    ELSE
        parts := parts || format('Its most resilient task is "%s" (resilience %s); its most exposed is "%s" (resilience %s).',
                                 regexp_replace(strongest->>'task', '\.$', ''),
                                 airesilience.explanation_number((strongest->>'resilience')::float8),
                                 regexp_replace(weakest->>'task', '\.$', ''),
                                 airesilience.explanation_number((weakest->>'resilience')::float8));
    END IF;

    -- 3. Seniority, when there is a score to adjust.
    IF n > 0 AND median IS NOT NULL THEN
        SELECT s INTO first_level FROM jsonb_array_elements(seniority) s
         ORDER BY (s->>'position')::integer LIMIT 1;
        SELECT s INTO last_level FROM jsonb_array_elements(seniority) s
         ORDER BY (s->>'position')::integer DESC LIMIT 1;
        IF first_level IS NULL OR jsonb_typeof(first_level->'score') <> 'number' THEN
            parts := parts || 'Its category has no seniority curve, so no seniority adjustment is given.'::text;
        ELSIF airesilience.explanation_number((first_level->>'score')::float8)
              = airesilience.explanation_number((last_level->>'score')::float8) THEN
            parts := parts || format('Seniority does not change it: %s at %s and at %s level.',
                                     airesilience.explanation_number((first_level->>'score')::float8),
                                     first_level->>'level', last_level->>'level');
        ELSE
            parts := parts || format('Adjusted for seniority, the score runs from %s (%s) at %s level to %s (%s) at %s level.',
                                     airesilience.explanation_number((first_level->>'score')::float8),
                                     first_level->>'label', first_level->>'level',
                                     airesilience.explanation_number((last_level->>'score')::float8),
                                     last_level->>'label', last_level->>'level');
        END IF;
    END IF;

    RETURN array_to_string(parts, ' ');
END
$$;
COMMENT ON FUNCTION airesilience.document_explanation(jsonb) IS
    'The explanation sentence of an occupation document, from its name, aiResilience.label, consensus, tasks and seniority blocks: score and source agreement, strongest and weakest task, seniority effect (wording in the README)';

------------------------------------------------------------------------------
-- The document
------------------------------------------------------------------------------

-- plpgsql, not SQL: a scalar SQL function whose body has subqueries is never
-- inlined, and is planned afresh by every statement that calls it, while
-- plpgsql keeps its plans for the session.  One statement per block, each
-- keyed by the occupation's code, so only that occupation's rows are read
-- (the related occupations compare its skill vector with the others', by
-- design).  JIT is off: each statement reads a few rows, but before the
-- tables have statistics the planner can cost them high enough to compile
-- them, which then takes far longer than the reads (test/document.sql, whose
-- sample rows are never analyzed: 55 s with JIT, 3.5 s without).
CREATE FUNCTION airesilience.occupation_document(onet_code text)
RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET extra_float_digits = 1
SET jit = off
AS $$
DECLARE
    occ        record;
    consensus  airesilience.consensus;
    sources    record;
    tasks      record;
    seniority  jsonb;
    composite  jsonb;
    bls        jsonb;
    related    jsonb;
    adoption   jsonb;
    raters     jsonb;
    vectors    jsonb;
    doc        jsonb;
BEGIN
    SELECT o.onet_code, o.soc_code, o.title, o.description, o.job_zone, o.category, c.title AS category_title
      INTO occ
      FROM airesilience.occupation o
      JOIN airesilience.category c ON c.category = o.category
     WHERE o.onet_code = occupation_document.onet_code;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;

    -- The sources and their consensus, in one pass over source_report.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'source', r.source,
                        'title', s.title,
                        'rawValue', r.raw_value,
                        'score', r.score,
                        'percentile', r.percentile,
                        'orientation', r.orientation,
                        'normalization', r.normalization)
                    ORDER BY r.source), '[]') AS list,
           airesilience.source_consensus(r.score) AS consensus
      INTO sources
      FROM airesilience.source_report r
      JOIN airesilience.source s ON s.source = r.source
     WHERE r.onet_code = occ.onet_code;
    consensus := sources.consensus;

    -- The tasks in task_report's order, and the task model's summary
    -- (weighted_resilience over the same rows: occupation_task_resilience).
    -- The bucket is task_report's, band_label under the task_bucket scheme,
    -- with the scheme read once rather than once per task: the view's own
    -- bucket column is not selected, so the planner drops it.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'id', t.task_id,
                        'task', t.description,
                        'automationLikelihood', t.exposure / 100,
                        'taskType', t.task_type,
                        'rank', t.rank,
                        'exposure', t.exposure,
                        'resilience', t.resilience,
                        'bucket', airesilience.band_label(t.resilience, b.cuts, b.labels, b.inclusive),
                        'weight', t.weight,
                        'raterCount', t.rater_count,
                        'raterSpread', t.rater_spread)
                    ORDER BY t.rank), '[]') AS list,
           jsonb_build_object(
               'resilience', airesilience.weighted_resilience(t.resilience, t.weight),
               'weightBasis', min(t.weight_basis),
               'taskCount', count(*),
               'ratedTaskCount', count(t.resilience)) AS model,
           array_agg(t.task_id) AS ids,
           array_agg(t.exposure) AS exposures,
           array_agg(t.weight) AS weights
      INTO tasks
      FROM airesilience.task_report t
      LEFT JOIN airesilience.label_scheme b ON b.scheme = 'task_bucket'
     WHERE t.onet_code = occ.onet_code;

    -- seniority_report's rows, from the consensus median already at hand
    -- rather than through occupation_report, which would compute it again.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'level', l.level,
                        'position', l.position,
                        'years', l.years,
                        'multiplier', m.multiplier,
                        'score', m.score,
                        'label', airesilience.score_label(m.score))
                    ORDER BY l.position), '[]')
      INTO seniority
      FROM airesilience.seniority_curve c
     CROSS JOIN airesilience.seniority_level l
     CROSS JOIN LATERAL (SELECT airesilience.seniority_interpolate(c.years, c.multipliers, l.years) AS multiplier) i
     CROSS JOIN LATERAL (SELECT i.multiplier,
                                airesilience.seniority_adjust(consensus.median, i.multiplier) AS score) m
     WHERE c.category = occ.category;

    SELECT coalesce(jsonb_object_agg(c.preset, jsonb_build_object(
                        'score', c.score,
                        'label', c.label,
                        'coverage', c.coverage,
                        'signalsUsed', c.signals_used,
                        'signalsMissing', to_jsonb(c.signals_missing),
                        'breakdown', c.breakdown)), '{}')
      INTO composite
      FROM airesilience.composite_report c
     WHERE c.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'medianWage', trim_scale(l.median_wage),
               'medianWageTopcoded', l.median_wage_topcoded,
               'employment', l.employment,
               'employmentProjected', l.employment_projected,
               'annualOpenings', l.annual_openings,
               'growthPct', trim_scale(l.growth_pct),
               'entryEducation', l.entry_education,
               'workExperience', l.work_experience,
               'growthPercentile', p.growth_percentile,
               'openingsPercentile', p.openings_percentile,
               'wageBillPercentile', p.wage_bill_percentile)
      INTO bls
      FROM airesilience.labor_stats l
      LEFT JOIN airesilience.labor_percentile p ON p.soc_code = l.soc_code
     WHERE l.soc_code = occ.soc_code;

    SELECT jsonb_build_object(
               'overall', coalesce(jsonb_agg(jsonb_build_object(
                                       'rank', r.rank, 'code', r.related_code,
                                       'name', r.title, 'similarity', r.similarity)
                                   ORDER BY r.rank) FILTER (WHERE r.scope = 'overall'), '[]'),
               'category', coalesce(jsonb_agg(jsonb_build_object(
                                        'rank', r.rank, 'code', r.related_code,
                                        'name', r.title, 'similarity', r.similarity)
                                    ORDER BY r.rank) FILTER (WHERE r.scope = 'category'), '[]'))
      INTO related
      FROM (SELECT 'overall' AS scope, o.* FROM airesilience.similar_occupations(occ.onet_code, 10, false) o
            UNION ALL
            SELECT 'category', o.* FROM airesilience.similar_occupations(occ.onet_code, 10, true) o) r;

    SELECT jsonb_build_object(
               'potential', p.potential,
               'adoption', p.adoption,
               'evidenceCount', p.evidence_count,
               'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                'dataset', e->'evidence',
                                                'title', e->'title',
                                                'value', e->'value',
                                                'tasksMatched', e->'tasks_matched',
                                                'tasksTotal', e->'tasks_total',
                                                'matchQuality', e->'match_quality')
                                            ORDER BY x.ord), '[]')
                              FROM jsonb_array_elements(p.evidence) WITH ORDINALITY x (e, ord)))
      INTO adoption
      FROM airesilience.potential_adoption_report p
     WHERE p.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'tasksRated', coalesce(max(a.tasks_rated), 0),
               'tasksDisagreeing', coalesce(max(a.tasks_disagreeing), 0),
               'disagreementShare', max(a.disagreement_share))
      INTO raters
      FROM airesilience.rater_agreement_report a
     WHERE a.onet_code = occ.onet_code;

    -- exposure_vector_report's rows, computed as that view does but from
    -- the task rows already at hand, with one index probe per activity (the
    -- view's plan hashes all of work_activity for each occupation).  No
    -- task, no rows, as there.
    SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'vector', x.vector,
                        'score', x.score,
                        'taskShare', x.task_share,
                        'tasks', x.tasks)
                    ORDER BY x.position), '[]')
      INTO vectors
      FROM (SELECT v.vector,
                   v.position,
                   airesilience.weighted_resilience(t.exposure, t.weight) FILTER (WHERE m.task_id IS NOT NULL) AS score,
                   airesilience.weighted_resilience(CASE WHEN m.task_id IS NOT NULL THEN 100 ELSE 0 END, t.weight) / 100 AS task_share,
                   count(m.task_id) AS tasks
              FROM unnest(tasks.ids, tasks.exposures, tasks.weights) AS t (task_id, exposure, weight)
             CROSS JOIN airesilience.exposure_vector v
              LEFT JOIN (SELECT DISTINCT p.task_id, a.vector
                           FROM (SELECT ta.task_id, wa.gwa_id
                                   FROM airesilience.task_activity ta
                                  CROSS JOIN LATERAL (SELECT w.gwa_id
                                                        FROM airesilience.work_activity w
                                                       WHERE w.dwa_id = ta.dwa_id
                                                      OFFSET 0) wa
                                  WHERE ta.onet_code = occ.onet_code
                                 OFFSET 0) p
                           JOIN airesilience.activity_vector a ON a.gwa_id = p.gwa_id) m
                     ON m.task_id = t.task_id AND m.vector = v.vector
             GROUP BY v.vector, v.position) x;

    doc := jsonb_build_object(
        'code', occ.onet_code,
        'name', occ.title,
        'nameShort', airesilience.occupation_short_name(occ.title),
        'slug', airesilience.occupation_slug(occ.title),
        'level', occ.job_zone,
        'description', occ.description,
        'url', '/occupations/' || airesilience.occupation_slug(occ.title),
        'lastUpdated', to_char(airesilience.data_updated_at() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'aiResilience', jsonb_build_object(
            'score', consensus.median / 100,
            'label', airesilience.score_label(consensus.median),
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr),
            'explanation', NULL),
        'airm', jsonb_build_object('version', airesilience.model_version()),
        'tasks', tasks.list,
        'socCode', occ.soc_code,
        'category', jsonb_build_object('code', occ.category, 'name', occ.category_title),
        'taskModel', tasks.model,
        'sources', sources.list,
        'consensus', jsonb_build_object(
            'median', consensus.median,
            'n', coalesce(consensus.n, 0),
            'q1', consensus.q1,
            'q3', consensus.q3,
            'iqr', consensus.iqr,
            'min', consensus.min,
            'max', consensus.max,
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr)),
        'composite', composite,
        'bls', bls,
        'seniority', seniority,
        'related', related,
        'potentialAdoption', adoption,
        'raters', raters,
        'exposureVectors', vectors);

    RETURN jsonb_set(doc, '{aiResilience,explanation}', to_jsonb(airesilience.document_explanation(doc)));
END
$$;
COMMENT ON FUNCTION airesilience.occupation_document(text) IS
    'The JSON document of one occupation for the web app: CareerVillage API fields (code, name, nameShort, slug, level, description, url, lastUpdated, aiResilience, airm, tasks) and the extension''s reports; NULL for an unknown or NULL code';

CREATE FUNCTION airesilience.occupation_explanation(onet_code text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT airesilience.occupation_document(onet_code)->'aiResilience'->>'explanation'
$$;
COMMENT ON FUNCTION airesilience.occupation_explanation(text) IS
    'The explanation of one occupation''s score (aiResilience.explanation of its document); NULL for an unknown or NULL code';

-- For bulk reads (exports, caches): WHERE onet_code = ... builds one document.
CREATE VIEW airesilience.occupation_document AS
SELECT o.onet_code,
       airesilience.occupation_document(o.onet_code) AS document
  FROM airesilience.occupation o;
COMMENT ON VIEW airesilience.occupation_document IS
    'One row per occupation with its JSON document (occupation_document(onet_code)); a condition on onet_code builds only the documents asked for';
COMMENT ON COLUMN airesilience.occupation_document.onet_code IS 'The occupation';
COMMENT ON COLUMN airesilience.occupation_document.document IS
    'airesilience.occupation_document(onet_code)';

------------------------------------------------------------------------------
-- The published document
------------------------------------------------------------------------------

-- The web app's page query: the document as the newest snapshot recorded
-- it (take_snapshot), so a page costs two index probes however large the
-- tables are, and the site changes only when a scoring run is published.
-- NULL when there is no snapshot yet or the newest one does not have the
-- occupation (an occupation removed since an older snapshot is not served
-- from it).  plpgsql so that the plan is kept for the session.
CREATE FUNCTION airesilience.published_document(onet_code text)
RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT d.document
              FROM airesilience.snapshot_document d
             WHERE d.snapshot_id = (SELECT max(s.snapshot_id) FROM airesilience.snapshot s)
               AND d.onet_code = published_document.onet_code);
END
$$;
COMMENT ON FUNCTION airesilience.published_document(text) IS
    'The occupation''s JSON document as the newest snapshot recorded it (lastUpdated = that snapshot''s time); NULL without a snapshot or when the newest one lacks the code';
-- The install script's last steps: drop the install-time helpers and give
-- the planner statistics for the built-in tables.

DROP FUNCTION airesilience.create_maintenance_triggers(regclass, text, regproc, text);

-- Planner statistics for the tables CREATE EXTENSION fills with built-in
-- rows: sources, label schemes, seniority levels, signals, presets and their
-- weights, exposure vectors and the activity map.
--
-- A table that was never analyzed counts, for the planner, as at least ten
-- pages of rows: each of these tables, one page of a few rows, is taken for
-- hundreds.  The report views cross every occupation with them, so until
-- the data is analyzed (right after a load, before autovacuum comes by) the
-- estimates multiply: on the public data composite_report was costed at
-- 900,000, exposure_vector_report at 5.7 million and seniority_report at
-- 7.5 million, past jit_above_cost (100,000) and the thresholds for
-- inlining and optimization (500,000), and compiling each query took longer
-- than running it (some 0.5 s each).  Analyzed here, the tables count as the
-- rows they hold, and keep that density for as long as they keep their one
-- page: the same views are costed at 11,000 at most.
ANALYZE airesilience.source, airesilience.label_scheme, airesilience.seniority_level,
        airesilience.signal, airesilience.composite_preset, airesilience.composite_weight,
        airesilience.exposure_vector, airesilience.activity_vector;
