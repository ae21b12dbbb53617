-- airesilience: the data model.
--
-- Every table is an extension configuration table: pg_dump dumps the rows
-- users load, so they survive dump and restore.  Rows the extension installs
-- itself carry builtin = true, are left out of the dump (CREATE EXTENSION
-- recreates them) and are read-only, so no change to them can be lost.

\echo Use "CREATE EXTENSION airesilience" to load this file. \quit

-- Nothing below may resolve to an object another role created.  CREATE
-- EXTENSION's search_path holds pg_trgm's schema too, where other roles may
-- be allowed to create functions and operators; the views, defaults,
-- constraints and SQL-standard function bodies of this script bind what
-- they name here, once.  So the script sees pg_catalog alone and names
-- everything else with its schema (docs/security.md).  LOCAL, so that
-- CREATE EXTENSION restores the caller's search_path afterwards, also inside
-- a transaction block (a plain SET would outlive the script there).
SET LOCAL search_path = pg_catalog, pg_temp;

-- The schema is CREATE EXTENSION's own: a schema of that name made earlier
-- by another role could already hold objects of that role's choosing.
DO $$
DECLARE
    owner name;
BEGIN
    SELECT r.rolname INTO owner
      FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
     WHERE n.nspname = 'airesilience';
    IF owner <> current_user
       OR EXISTS (SELECT FROM pg_class WHERE relnamespace = 'airesilience'::regnamespace)
       OR EXISTS (SELECT FROM pg_proc WHERE pronamespace = 'airesilience'::regnamespace)
       OR EXISTS (SELECT FROM pg_type WHERE typnamespace = 'airesilience'::regnamespace)
       OR EXISTS (SELECT FROM pg_operator WHERE oprnamespace = 'airesilience'::regnamespace) THEN
        RAISE EXCEPTION 'schema airesilience already exists'
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = format('It belongs to role %s, or holds objects.', owner),
                  HINT = 'CREATE EXTENSION airesilience makes its own schema: drop or rename the existing one.';
    END IF;
END
$$;

-- The SQL helpers (normalize_linear, task_weight, ...) are single
-- expressions, so the planner inlines them into the report views; their
-- argument checks call this on the error branch.  It is IMMUTABLE, so the
-- helpers stay inlinable, and takes the offending value, so the planner
-- folds the branch into an error only when that value is itself a constant.
CREATE FUNCTION airesilience.invalid_argument(argument text, value text, rule text)
RETURNS float8
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
COST 1  -- it runs only on bad input: no weight in the helpers' cost
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% %', argument, rule
        USING ERRCODE = 'invalid_parameter_value',
              DETAIL = format('%s is %s.', argument, coalesce(value, 'NULL'));
END
$$;
COMMENT ON FUNCTION airesilience.invalid_argument(text, text, text) IS
    'Internal: raises 22023 "<argument> <rule>" for a helper function''s argument';

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
COMMENT ON COLUMN airesilience.category.category IS
    'Category key: lower case letters, digits, hyphens or underscores (for example healthcare)';
COMMENT ON COLUMN airesilience.category.title IS
    'Display name of the category (for example Healthcare)';

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
COMMENT ON COLUMN airesilience.occupation.onet_code IS
    'O*NET-SOC code, NN-NNNN.NN (O*NET-SOC 2019 taxonomy)';
COMMENT ON COLUMN airesilience.occupation.title IS
    'Occupation title (O*NET title for the public data)';
COMMENT ON COLUMN airesilience.occupation.category IS
    'The occupation''s category (category.category)';
COMMENT ON COLUMN airesilience.occupation.description IS
    'What people in the occupation do, in a few sentences';

CREATE TABLE airesilience.task (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    task_id     integer NOT NULL CHECK (task_id > 0),
    description text NOT NULL CHECK (description <> ''),
    task_type   text CHECK (task_type IN ('core', 'supplemental')),
    importance  float8 CHECK (importance BETWEEN 1 AND 5),
    relevance   float8 CHECK (relevance BETWEEN 0 AND 100),
    frequency   float8 CHECK (frequency >= 0 AND frequency < 'Infinity'),
    task_type_source text CONSTRAINT task_task_type_source_check
                     CHECK (task_type_source IS NULL
                            OR (task_type_source IN ('release', 'predecessor') AND task_type IS NOT NULL)),
    PRIMARY KEY (onet_code, task_id)
);
COMMENT ON TABLE airesilience.task IS 'Tasks of each occupation, with their O*NET ratings where known';
COMMENT ON COLUMN airesilience.task.task_type IS 'core or supplemental (O*NET Task Type); NULL when not given';
COMMENT ON COLUMN airesilience.task.importance IS 'O*NET importance, 1-5';
COMMENT ON COLUMN airesilience.task.relevance IS 'O*NET relevance, percent of incumbents who perform the task, 0-100';
COMMENT ON COLUMN airesilience.task.frequency IS 'Mean frequency where known; stored for analysts, not used in weights';
COMMENT ON COLUMN airesilience.task.task_type_source IS
    'Where task_type comes from: release (the task''s own O*NET release), predecessor (the same task text under the occupation''s predecessor code in an earlier release, docs/model.md); NULL when not stated or no type';
COMMENT ON COLUMN airesilience.task.onet_code IS 'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task.description IS 'The task statement';

CREATE TABLE airesilience.rater (
    rater       text PRIMARY KEY CHECK (rater ~ '^[a-z][a-z0-9_]*$'),
    kind        text NOT NULL CHECK (kind IN ('human', 'model')),
    description text
);
COMMENT ON TABLE airesilience.rater IS 'Who rated task exposure: a human panel or a model';
COMMENT ON COLUMN airesilience.rater.rater IS
    'Rater name: lower case letters, digits and underscores (for example gpt4, human)';
COMMENT ON COLUMN airesilience.rater.kind IS 'human (a panel of people) or model (an AI model)';
COMMENT ON COLUMN airesilience.rater.description IS 'Who the rater is and how it rated';

CREATE TABLE airesilience.task_rating (
    onet_code   text NOT NULL,
    task_id     integer NOT NULL,
    rater       text NOT NULL REFERENCES airesilience.rater ON UPDATE CASCADE ON DELETE CASCADE,
    exposure    float8 NOT NULL CHECK (exposure BETWEEN 0 AND 100),
    PRIMARY KEY (onet_code, task_id, rater),
    FOREIGN KEY (onet_code, task_id) REFERENCES airesilience.task ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.task_rating IS 'AI exposure of a task, 0-100, as judged by one rater';
COMMENT ON COLUMN airesilience.task_rating.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_rating.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_rating.rater IS 'The rater (rater.rater)';
COMMENT ON COLUMN airesilience.task_rating.exposure IS
    'The rater''s AI exposure of the task, 0-100 (E0 = 0, E2 = 50, E1 = 100 for "GPTs are GPTs" labels)';

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
COMMENT ON COLUMN airesilience.occupation_skill.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_skill.skill_id IS
    'O*NET skill element id (for example 2.A.1.a)';
COMMENT ON COLUMN airesilience.occupation_skill.skill_name IS
    'O*NET skill name (for example Reading Comprehension)';
COMMENT ON COLUMN airesilience.occupation_skill.importance IS
    'O*NET importance of the skill for the occupation, 1-5 (scale IM)';
COMMENT ON COLUMN airesilience.occupation_skill.level IS
    'O*NET level of the skill the occupation needs, 0-7 (scale LV)';

CREATE TABLE airesilience.related_occupation (
    onet_code    text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    related_code text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    tier         text NOT NULL CHECK (tier IN ('primary-short', 'primary-long', 'supplemental')),
    rank         smallint NOT NULL CHECK (rank BETWEEN 1 AND 20),
    PRIMARY KEY (onet_code, related_code),
    CHECK (onet_code <> related_code)
);
COMMENT ON TABLE airesilience.related_occupation IS 'O*NET related occupations, ranked 1-20 by relatedness';
COMMENT ON COLUMN airesilience.related_occupation.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.related_occupation.related_code IS
    'O*NET-SOC code of the related occupation';
COMMENT ON COLUMN airesilience.related_occupation.tier IS
    'O*NET relatedness tier: primary-short (ranks 1-5), primary-long (the next 5) or supplemental (the next 10)';
COMMENT ON COLUMN airesilience.related_occupation.rank IS
    'O*NET relatedness rank, 1 (most related) to 20';

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
COMMENT ON COLUMN airesilience.work_activity.dwa_id IS
    'O*NET detailed work activity (DWA) id, for example 4.A.2.a.4.I09.D03';
COMMENT ON COLUMN airesilience.work_activity.dwa_title IS 'Title of the detailed work activity';
COMMENT ON COLUMN airesilience.work_activity.iwa_id IS
    'Id of its intermediate work activity (IWA), for example 4.A.2.a.4.I09';
COMMENT ON COLUMN airesilience.work_activity.iwa_title IS 'Title of the intermediate work activity';
COMMENT ON COLUMN airesilience.work_activity.gwa_id IS
    'Id of its generalized work activity (GWA), for example 4.A.2.a.4';
COMMENT ON COLUMN airesilience.work_activity.gwa_title IS 'Title of the generalized work activity';

CREATE TABLE airesilience.task_activity (
    onet_code   text NOT NULL,
    task_id     integer NOT NULL,
    dwa_id      text NOT NULL REFERENCES airesilience.work_activity ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (onet_code, task_id, dwa_id),
    FOREIGN KEY (onet_code, task_id) REFERENCES airesilience.task ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX task_activity_dwa_idx ON airesilience.task_activity (dwa_id);
COMMENT ON TABLE airesilience.task_activity IS 'Which detailed work activities a task involves';
COMMENT ON COLUMN airesilience.task_activity.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_activity.task_id IS
    'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_activity.dwa_id IS
    'O*NET detailed work activity id (work_activity.dwa_id)';

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
COMMENT ON COLUMN airesilience.task_usage.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_usage.task_id IS 'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_usage.dataset IS
    'The task-level usage dataset (usage_dataset.dataset)';
COMMENT ON COLUMN airesilience.task_usage.share_pct IS
    'Share of the dataset''s conversations that map to the task, percent (0-100; > 0 counts as observed usage)';

-- Sources: external datasets (and the extension's own task model) that
-- score occupations.  raw_value is kept on the source's native scale.
CREATE TABLE airesilience.source (
    source        text PRIMARY KEY CHECK (source ~ '^[a-z][a-z0-9_]*$'),
    title         text NOT NULL CHECK (title <> ''),
    orientation   text NOT NULL CHECK (orientation IN ('exposure', 'resilience')),
    scale_min     float8 NOT NULL CHECK (scale_min > '-Infinity'),
    scale_max     float8 NOT NULL CHECK (scale_max < 'Infinity'),
    normalization text NOT NULL DEFAULT 'percentile' CHECK (normalization IN ('linear', 'percentile')),
    derived       boolean NOT NULL DEFAULT false,
    description   text,
    url           text,
    builtin       boolean NOT NULL DEFAULT false,
    CHECK (scale_min < scale_max)
);
COMMENT ON TABLE airesilience.source IS 'Datasets that score occupations, with orientation and native scale';
COMMENT ON COLUMN airesilience.source.orientation IS 'exposure: higher means more exposed to AI (flipped when normalized); resilience: higher means more resilient';
COMMENT ON COLUMN airesilience.source.normalization IS 'percentile (the default): the mid-rank percentile of the raw value among the occupations with a value (src/percentile.sql); linear: 0-100 by position between scale_min and scale_max; either is flipped (100 - x) for exposure sources';
COMMENT ON COLUMN airesilience.source.derived IS 'Computed by the extension from task ratings; has no stored values';
COMMENT ON COLUMN airesilience.source.source IS
    'Source name: lower case letters, digits and underscores (for example frey_osborne)';
COMMENT ON COLUMN airesilience.source.title IS 'Display name of the source';
COMMENT ON COLUMN airesilience.source.scale_min IS
    'Lowest raw value of the native scale (finite); under linear normalization it maps to 0, or to 100 for exposure sources';
COMMENT ON COLUMN airesilience.source.scale_max IS
    'Highest raw value of the native scale (finite, > scale_min); under linear normalization it maps to 100, or to 0 for exposure sources';
COMMENT ON COLUMN airesilience.source.description IS 'What the source measures';
COMMENT ON COLUMN airesilience.source.url IS 'Where the dataset is published';
COMMENT ON COLUMN airesilience.source.builtin IS
    'Installed by CREATE EXTENSION (task_model): read-only and left out of dumps';

CREATE TABLE airesilience.source_value (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    source      text NOT NULL REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    raw_value   float8 NOT NULL,
    PRIMARY KEY (onet_code, source)
);
CREATE INDEX source_value_source_idx ON airesilience.source_value (source, raw_value);
COMMENT ON TABLE airesilience.source_value IS 'One source''s raw value for one occupation, on the source''s native scale';
COMMENT ON COLUMN airesilience.source_value.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.source_value.source IS
    'The source (source.source); not a derived one';
COMMENT ON COLUMN airesilience.source_value.raw_value IS
    'The occupation''s value on the source''s native scale, between scale_min and scale_max';

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
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization, derived, description, builtin)
VALUES ('task_model', 'Task resilience (airesilience)', 'resilience', 0, 100, 'percentile', true,
        'Weighted mean of task resilience (100 - median rater exposure) over the occupation''s tasks', true);
CREATE TRIGGER source_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.source
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER source_builtin_truncate BEFORE TRUNCATE ON airesilience.source
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- A database's own choice of normalization for a source, over the source's
-- row: the way to score the built-in task_model linearly (its row is
-- read-only), or to try another normalization without touching a loaded
-- source.  A configuration table: pg_dump keeps the choice.
CREATE TABLE airesilience.source_setting (
    source        text PRIMARY KEY REFERENCES airesilience.source ON UPDATE CASCADE ON DELETE CASCADE,
    normalization text NOT NULL CHECK (normalization IN ('linear', 'percentile'))
);
COMMENT ON TABLE airesilience.source_setting IS
    'Per source, the normalization this database scores it by, over source.normalization (for example linear for the built-in task_model)';
COMMENT ON COLUMN airesilience.source_setting.source IS
    'The source this database scores its own way (source.source)';
COMMENT ON COLUMN airesilience.source_setting.normalization IS
    'percentile or linear: used instead of source.normalization in every report';

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
COMMENT ON COLUMN airesilience.labor_stats.soc_code IS
    '6-digit SOC 2018 code, NN-NNNN, as BLS publishes its figures';
COMMENT ON COLUMN airesilience.labor_stats.median_wage IS
    'Median annual wage, US dollars; with median_wage_topcoded, the published lower bound';
COMMENT ON COLUMN airesilience.labor_stats.employment IS
    'Employment in the base year of the projections (2024 for 2024-34), persons';
COMMENT ON COLUMN airesilience.labor_stats.employment_projected IS
    'Projected employment at the end of the projection decade (2034 for 2024-34), persons';
COMMENT ON COLUMN airesilience.labor_stats.annual_openings IS
    'Projected occupational openings per year, annual average over the projection decade, persons';
COMMENT ON COLUMN airesilience.labor_stats.entry_education IS
    'Typical education needed for entry, in BLS''s wording (for example Bachelor''s degree)';
COMMENT ON COLUMN airesilience.labor_stats.work_experience IS
    'Work experience in a related occupation typically needed, in BLS''s wording (for example None)';

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
SELECT pg_catalog.pg_extension_config_dump('airesilience.source_setting', '');
