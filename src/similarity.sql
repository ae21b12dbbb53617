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

-- Related occupations, stored: for every occupation, its 10 closest
-- occupations overall and the 10 closest in its category.  Each list has a
-- basis:
--   skill_overlap  the occupation has a skill vector: the 10 occupations
--                  with a vector whose skills overlap most with its own
--                  (similar_occupations: cosine of skill importances);
--   onet_related   otherwise (no vector, or no peer with a vector in its
--                  category): O*NET's Related Occupations list, by O*NET's
--                  rank (Index), the first 10 overall and the first 10 in
--                  the category; similarity is NULL.
-- An occupation has no list only where it has no vector and O*NET relates
-- it to nothing (on O*NET 29.3: the 93 occupations without task data).
--
-- Stored, not computed in the view: comparing every vector with every other
-- took related_report 0.5 s on O*NET 29.3, 43 times a copy of the task
-- table; stored, reading it is a scan and a join.  Derived data kept by the
-- triggers below, not dumped (restoring occupation_skill and
-- related_occupation rebuilds it).
CREATE TABLE airesilience.related_list (
    onet_code    text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    scope        text NOT NULL CHECK (scope IN ('overall', 'category')),
    rank         smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
    related_code text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    similarity   float8,
    basis        text NOT NULL CHECK (basis IN ('skill_overlap', 'onet_related')),
    PRIMARY KEY (onet_code, scope, rank),
    CHECK (basis = 'skill_overlap' OR similarity IS NULL)
);
CREATE INDEX related_list_related_code_idx ON airesilience.related_list (related_code);
COMMENT ON TABLE airesilience.related_list IS
    'Derived, maintained by triggers on skill_vector, related_occupation and occupation: each occupation''s 10 closest occupations overall and in its category, by skill overlap or from O*NET''s list (basis)';
COMMENT ON COLUMN airesilience.related_list.basis IS
    'skill_overlap: cosine similarity of skill importances (both occupations have a skill vector); onet_related: O*NET''s Related Occupations list, in its order (no usable vector)';
COMMENT ON COLUMN airesilience.related_list.similarity IS
    'Cosine similarity of the two skill vectors for skill_overlap (NULL when one vector has no direction); NULL for onet_related';
COMMENT ON COLUMN airesilience.related_list.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.related_list.scope IS
    'overall: among all occupations; category: among the occupations of the same category';
COMMENT ON COLUMN airesilience.related_list.rank IS '1 = closest within the scope, up to 10';
COMMENT ON COLUMN airesilience.related_list.related_code IS
    'O*NET-SOC code of the related occupation';
COMMENT ON INDEX airesilience.related_list_related_code_idx IS
    'Serves the cascading deletes and updates of occupations';

-- Rebuilds the lists of the given occupations (all when NULL).  A scope of
-- an occupation is by skill overlap when the occupation has a vector and
-- another occupation in the scope has one too; otherwise it is O*NET's
-- list.  With onet_only, only the scopes of the second kind are rebuilt:
-- what a change of related_occupation can change.
CREATE FUNCTION airesilience.related_list_refresh(onet_codes text[] DEFAULT NULL, onet_only boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
BEGIN
    WITH pair AS (
        SELECT o.onet_code, o.category, s.scope,
               EXISTS (SELECT FROM airesilience.skill_vector v WHERE v.onet_code = o.onet_code)
               AND CASE s.scope
                       WHEN 'overall' THEN EXISTS (SELECT FROM airesilience.skill_vector x
                                                    WHERE x.onet_code <> o.onet_code)
                       ELSE EXISTS (SELECT FROM airesilience.occupation p
                                      JOIN airesilience.skill_vector x ON x.onet_code = p.onet_code
                                     WHERE p.category = o.category AND p.onet_code <> o.onet_code)
                   END AS by_skill
          FROM airesilience.occupation o
         CROSS JOIN (VALUES ('overall'), ('category')) s (scope)
         WHERE onet_codes IS NULL OR o.onet_code = ANY (onet_codes)),
    wanted AS MATERIALIZED (
        SELECT p.* FROM pair p WHERE NOT onet_only OR NOT p.by_skill),
    fresh AS (
        SELECT w.onet_code, w.scope, r.rank::smallint AS rank, r.related_code, r.similarity, 'skill_overlap' AS basis
          FROM wanted w
         CROSS JOIN LATERAL airesilience.similar_occupations(w.onet_code, 10, w.scope = 'category') r
         WHERE w.by_skill
        UNION ALL
        SELECT n.onet_code, n.scope, n.rank::smallint, n.related_code, NULL::float8, 'onet_related'
          FROM (SELECT w.onet_code, w.scope, r.related_code,
                       row_number() OVER (PARTITION BY w.onet_code, w.scope ORDER BY r.rank, r.related_code) AS rank
                  FROM wanted w
                  JOIN airesilience.related_occupation r ON r.onet_code = w.onet_code
                  JOIN airesilience.occupation p ON p.onet_code = r.related_code
                 WHERE NOT w.by_skill
                   AND (w.scope = 'overall' OR p.category = w.category)) n
         WHERE n.rank <= 10),
    stale AS (
        DELETE FROM airesilience.related_list l
         USING wanted w
         WHERE l.onet_code = w.onet_code AND l.scope = w.scope
           AND NOT EXISTS (SELECT FROM fresh f WHERE (f.onet_code, f.scope, f.rank) = (l.onet_code, l.scope, l.rank)))
    INSERT INTO airesilience.related_list AS l (onet_code, scope, rank, related_code, similarity, basis)
    SELECT f.onet_code, f.scope, f.rank, f.related_code, f.similarity, f.basis FROM fresh f
        ON CONFLICT (onet_code, scope, rank) DO UPDATE
       SET related_code = excluded.related_code, similarity = excluded.similarity, basis = excluded.basis
     WHERE (l.related_code, l.similarity, l.basis) IS DISTINCT FROM (excluded.related_code, excluded.similarity, excluded.basis);
END
$$;
COMMENT ON FUNCTION airesilience.related_list_refresh(text[], boolean) IS
    'Rebuilds related_list for the given occupations (all when NULL), only their lists from O*NET''s list when onet_only; the triggers call it, call it yourself after loading with triggers disabled';

-- Statement-level maintenance.  A changed vector can enter or leave any
-- occupation's closest ten, so a statement that changed skill_vector
-- rebuilds every list (0.5 s on O*NET 29.3, once per load); a statement on
-- related_occupation rebuilds the lists of the occupations whose O*NET rows
-- it changed; an UPDATE of occupations that moved one to another category
-- rebuilds every list (the category scopes change).  INSERT and DELETE of
-- occupations need nothing here: a new occupation has no vector or O*NET
-- rows yet, and a deleted one takes its rows of skill_vector and
-- related_occupation with it, whose triggers rebuild the lists.
CREATE FUNCTION airesilience.related_list_maintain()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
    changed text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM airesilience.related_list_refresh(NULL, false);
        RETURN NULL;
    END IF;
    EXECUTE airesilience.changed_keys_query(TG_OP, 'onet_code', CASE TG_TABLE_NAME
        WHEN 'skill_vector' THEN 'onet_code, importance'
        WHEN 'related_occupation' THEN 'onet_code, related_code, rank'
        ELSE 'onet_code, category' END)
       INTO changed;
    IF changed IS NULL THEN         -- nothing that counts has changed
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'related_occupation' THEN
        PERFORM airesilience.related_list_refresh(changed, true);
    ELSE
        PERFORM airesilience.related_list_refresh(NULL, false);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION airesilience.related_list_maintain() IS
    'Trigger: rebuilds the related lists a statement on skill_vector, related_occupation or occupation (category) changed';

SELECT airesilience.create_maintenance_triggers(t, 'related_list', 'airesilience.related_list_maintain', 'related_list')
  FROM unnest(ARRAY['airesilience.skill_vector', 'airesilience.related_occupation']::regclass[]) t;
CREATE TRIGGER related_list_update AFTER UPDATE ON airesilience.occupation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.related_list_maintain();
COMMENT ON TRIGGER related_list_update ON airesilience.occupation IS
    'Keeps related_list current after each UPDATE statement (a category change)';

CREATE VIEW airesilience.related_report AS
SELECT l.onet_code,
       l.scope,
       l.rank::bigint AS rank,
       l.related_code,
       o.title,
       l.similarity,
       l.basis
  FROM airesilience.related_list l
  JOIN airesilience.occupation o ON o.onet_code = l.related_code;
COMMENT ON VIEW airesilience.related_report IS
    'Per occupation: the 10 closest occupations overall and the 10 closest in its category, by skill overlap where it has a skill vector, from O*NET''s Related Occupations list otherwise (basis)';
COMMENT ON COLUMN airesilience.related_report.scope IS
    'overall: among all occupations; category: among the occupations of the same category';
COMMENT ON COLUMN airesilience.related_report.rank IS
    '1 = closest within the scope: by similarity (ties by code) for skill_overlap, by O*NET''s rank for onet_related';
COMMENT ON COLUMN airesilience.related_report.similarity IS
    'Cosine similarity of the two skill-importance vectors (skill_overlap; with importances 1-5 it lies in (0, 1]); NULL for onet_related';
COMMENT ON COLUMN airesilience.related_report.onet_code IS 'The occupation the list is for';
COMMENT ON COLUMN airesilience.related_report.related_code IS 'A related occupation';
COMMENT ON COLUMN airesilience.related_report.title IS 'Title of the related occupation';
COMMENT ON COLUMN airesilience.related_report.basis IS
    'skill_overlap or onet_related: how this list was made (see airesilience.related_list)';
