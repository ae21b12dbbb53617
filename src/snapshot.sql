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
COMMENT ON COLUMN airesilience.snapshot.snapshot_id IS
    'Snapshot id, from snapshot_id_seq: increases with each take_snapshot()';
COMMENT ON COLUMN airesilience.snapshot.note IS
    'Free text given to take_snapshot(note): which data release was scored, for example';

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
    slug            text NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code)
);
COMMENT ON TABLE airesilience.snapshot_occupation IS
    'Snapshot x occupation: the occupation_report scores when the snapshot was taken';
COMMENT ON COLUMN airesilience.snapshot_occupation.source_median IS 'The headline score then: median of the source scores, 0-100';
COMMENT ON COLUMN airesilience.snapshot_occupation.label IS 'Label of source_median under the snapshot''s label_scheme';
COMMENT ON COLUMN airesilience.snapshot_occupation.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_occupation.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_occupation.title IS
    'The occupation''s title then (kept when the occupation is renamed or deleted later)';
COMMENT ON COLUMN airesilience.snapshot_occupation.category IS 'The occupation''s category then';
COMMENT ON COLUMN airesilience.snapshot_occupation.task_resilience IS
    'Weighted mean task resilience then, 0-100';
COMMENT ON COLUMN airesilience.snapshot_occupation.weight_basis IS
    'Weight basis of the tasks then: ratings, task_type or equal';
COMMENT ON COLUMN airesilience.snapshot_occupation.task_count IS 'Tasks of the occupation then';
COMMENT ON COLUMN airesilience.snapshot_occupation.source_count IS 'Sources with a score then';
COMMENT ON COLUMN airesilience.snapshot_occupation.dispersion IS
    'Interquartile range of the source scores then, 0-100 points';
COMMENT ON COLUMN airesilience.snapshot_occupation.confidence IS
    'Confidence then: High, Medium-high, Medium, Low-medium or Low';
COMMENT ON COLUMN airesilience.snapshot_occupation.slug IS
    'occupation_slug(title): the page''s address is /occupations/<slug>, as the document''s url says (published_document_by_slug)';

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
COMMENT ON COLUMN airesilience.snapshot_source.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_source.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_source.source IS 'The source, as it was named then';
COMMENT ON COLUMN airesilience.snapshot_source.raw_value IS
    'Raw value then, on the source''s native scale';
COMMENT ON COLUMN airesilience.snapshot_source.score IS
    'Source score then, 0-100, higher = more resilient';
COMMENT ON COLUMN airesilience.snapshot_source.normalization IS
    'The normalization the score was computed by then: percentile or linear';

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
COMMENT ON COLUMN airesilience.snapshot_composite.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_composite.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_composite.preset IS
    'The composite preset, as it was named then';
COMMENT ON COLUMN airesilience.snapshot_composite.score IS
    'composite_report.score then, 0-100; NULL when the occupation had none of the preset''s signals';
COMMENT ON COLUMN airesilience.snapshot_composite.label IS
    'composite_report.label then, under the preset''s scheme';
COMMENT ON COLUMN airesilience.snapshot_composite.signals_used IS
    'How many of the preset''s signals the occupation had';
COMMENT ON COLUMN airesilience.snapshot_composite.coverage IS
    'Share of the preset''s weight the signals present carried, 0-1';
COMMENT ON COLUMN airesilience.snapshot_composite.breakdown IS
    'Per signal: {"value", "weight", "points", "flipped"}, as composite_report.breakdown then';

CREATE TABLE airesilience.snapshot_document (
    snapshot_id bigint NOT NULL,
    onet_code   text NOT NULL,
    document    jsonb NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_document IS
    'Snapshot x occupation: the occupation''s JSON document when the snapshot was taken, lastUpdated set to the snapshot''s time';
COMMENT ON COLUMN airesilience.snapshot_document.snapshot_id IS
    'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_document.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_document.document IS
    'The occupation''s JSON document then (occupation_document), lastUpdated = the snapshot''s taken_at; what published_document() serves';

-- A row inserted without a slug gets the slug of its title, as
-- take_snapshot() records it: that is how the rows of a pg_dump made on
-- 0.1.0, whose snapshot_occupation has no slug column, are restored into
-- 0.2.0.
CREATE FUNCTION airesilience.snapshot_occupation_slug() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.slug IS NULL THEN
        NEW.slug := airesilience.occupation_slug(NEW.title);
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION airesilience.snapshot_occupation_slug() IS
    'Trigger: a snapshot_occupation row inserted without a slug gets occupation_slug(title)';
CREATE TRIGGER snapshot_occupation_slug BEFORE INSERT ON airesilience.snapshot_occupation
    FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_occupation_slug();
COMMENT ON TRIGGER snapshot_occupation_slug ON airesilience.snapshot_occupation IS
    'Rows restored from a 0.1.0 dump, which has no slug, get the slug of their title';

-- What the web app's search reads (search_published, src/serving.sql): the
-- names of each occupation then (its title and its alternate titles), and
-- the words of its description and task statements, kept as one row per
-- word with the occupations that use it.  Aliases are not part of the
-- reports, so they are recorded here rather than read live.
CREATE TABLE airesilience.snapshot_name (
    snapshot_id bigint NOT NULL,
    onet_code   text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('title', 'alias')),
    name        text NOT NULL,
    PRIMARY KEY (snapshot_id, onet_code, kind, name),
    FOREIGN KEY (snapshot_id, onet_code) REFERENCES airesilience.snapshot_occupation ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.snapshot_name IS
    'Snapshot x occupation x name: the title and the alternate titles (occupation_alias) when the snapshot was taken, for search_published()';
COMMENT ON COLUMN airesilience.snapshot_name.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_name.onet_code IS 'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.snapshot_name.kind IS 'title (the O*NET title) or alias (a row of occupation_alias)';
COMMENT ON COLUMN airesilience.snapshot_name.name IS 'The title or alternate title as stored then';

CREATE TABLE airesilience.snapshot_word (
    snapshot_id bigint NOT NULL REFERENCES airesilience.snapshot ON DELETE CASCADE,
    word        text NOT NULL,
    onet_codes  text[] NOT NULL,
    PRIMARY KEY (snapshot_id, word)
);
COMMENT ON TABLE airesilience.snapshot_word IS
    'Snapshot x word: each word of the snapshot''s documents'' descriptions and task statements (document_words) with the occupations that use it, for search_published()';
COMMENT ON COLUMN airesilience.snapshot_word.snapshot_id IS 'The snapshot (snapshot.snapshot_id)';
COMMENT ON COLUMN airesilience.snapshot_word.word IS 'A word as document_words() writes it: lower case, a-z and 0-9, three characters or more, not a stop word';
COMMENT ON COLUMN airesilience.snapshot_word.onet_codes IS 'The occupations of the snapshot whose description or tasks use the word, in code order';

-- One guard for the seven tables.  A cascaded delete runs after its header
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
                             'airesilience.snapshot_composite', 'airesilience.snapshot_document',
                             'airesilience.snapshot_name', 'airesilience.snapshot_word']::regclass[]
    LOOP
        EXECUTE format('CREATE TRIGGER snapshot_immutable BEFORE UPDATE OR DELETE ON %s
                            FOR EACH ROW EXECUTE FUNCTION airesilience.snapshot_immutable()', t);
        EXECUTE format('COMMENT ON TRIGGER snapshot_immutable ON %s IS %L',
                       t, 'Rows cannot be updated, nor deleted apart from their snapshot');
    END LOOP;
    FOREACH t IN ARRAY ARRAY['airesilience.snapshot', 'airesilience.snapshot_occupation', 'airesilience.snapshot_source',
                             'airesilience.snapshot_composite', 'airesilience.snapshot_document',
                             'airesilience.snapshot_name', 'airesilience.snapshot_word']::regclass[]
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
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_name', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.snapshot_word', '');

-- Words too common in task statements to tell occupations apart.
CREATE FUNCTION airesilience.stop_words()
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT '{all,and,any,are,but,for,from,into,its,not,other,such,that,the,their,them,these,this,those,with}'::text[];
END;
COMMENT ON FUNCTION airesilience.stop_words() IS
    'The words document_words() and search_published() leave out: and, the, for, with and the like (three letters or more)';

-- The words search_published() finds an occupation by, besides its names:
-- those of the document's description and task statements, lower case,
-- split at every character other than a-z and 0-9, three characters or
-- more, without the few stop words that occur in nearly every statement;
-- sorted ("C" order), each once.  A function of the stored document, so the
-- words of a snapshot can always be worked out again from it.
CREATE FUNCTION airesilience.document_words(document jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(array_agg(DISTINCT w.word COLLATE "C" ORDER BY w.word COLLATE "C"), '{}')
      FROM (SELECT document->>'description' AS text
            UNION ALL
            SELECT t->>'task' FROM jsonb_array_elements(coalesce(document->'tasks', '[]')) t) s
     CROSS JOIN LATERAL regexp_split_to_table(lower(s.text), '[^a-z0-9]+') w (word)
     WHERE length(w.word) >= 3
       AND w.word <> ALL (airesilience.stop_words());
END;
COMMENT ON FUNCTION airesilience.document_words(jsonb) IS
    'The words of a document''s description and task statements: lower case, split at characters other than a-z and 0-9, three characters or more, no stop word (stop_words()), each once, sorted';

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
             source_median, source_count, dispersion, confidence, label, slug)
        SELECT h.snapshot_id, r.onet_code, r.title, r.category, r.task_resilience, r.weight_basis, r.task_count,
               r.source_median, r.source_count, r.dispersion, r.confidence, r.label,
               airesilience.occupation_slug(r.title)
          FROM header h, airesilience.occupation_report r),
    names AS (
        INSERT INTO airesilience.snapshot_name (snapshot_id, onet_code, kind, name)
        SELECT h.snapshot_id, o.onet_code, 'title', o.title
          FROM header h, airesilience.occupation o
        UNION ALL
        SELECT h.snapshot_id, a.onet_code, 'alias', a.alias
          FROM header h, airesilience.occupation_alias a),
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
          FROM header h, airesilience.occupation o
        RETURNING snapshot_id, onet_code, document),
    words AS (
        INSERT INTO airesilience.snapshot_word (snapshot_id, word, onet_codes)
        SELECT d.snapshot_id, w.word, array_agg(d.onet_code ORDER BY d.onet_code COLLATE "C")
          FROM documents d
         CROSS JOIN LATERAL unnest(airesilience.document_words(d.document)) w (word)
         GROUP BY d.snapshot_id, w.word)
    SELECT h.snapshot_id INTO taken FROM header h;
    RETURN taken;
END
$$;
COMMENT ON FUNCTION airesilience.take_snapshot(text) IS
    'Records the current occupation, source and composite reports, the JSON document of every occupation and what search_published() reads (names, document words) as a new snapshot and returns its id; unknown label scheme -> 22023';

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
BEGIN ATOMIC
    SELECT s.snapshot_id, s.taken_at, s.model_version, s.label_scheme,
           o.onet_code, o.title, o.category, o.task_resilience, o.weight_basis,
           o.task_count, o.source_median, o.source_count, o.dispersion,
           o.confidence, o.label
      FROM airesilience.snapshot s
      JOIN airesilience.snapshot_occupation o ON o.snapshot_id = s.snapshot_id
     WHERE s.snapshot_id = coalesce($1, 0)
       AND airesilience.snapshot_check($1);
END;
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
BEGIN ATOMIC
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
     WHERE airesilience.snapshot_check($1, $2);
END;
COMMENT ON FUNCTION airesilience.snapshot_changes(bigint, bigint) IS
    'Per occupation in either snapshot: added, removed, changed or unchanged from from_id to to_id, old and new headline score, delta = new - old, old and new label and confidence, the sources and presets whose score changed; NULL or unknown id -> 22023';
