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
BEGIN ATOMIC
    SELECT pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(title), '[^a-z0-9]+', '-', 'g'), '-');
END;
COMMENT ON FUNCTION airesilience.occupation_slug(text) IS
    'URL slug of a title: lower case, runs of characters other than a-z and 0-9 become one hyphen, none at the ends (Medical Records Specialists -> medical-records-specialists)';

-- Short name for narrow places (cards, breadcrumbs): the title without an
-- O*NET qualifier (", Except ..." or ", All Other ..."); when that is still
-- longer than 26 characters, its last word is cut to four letters and a
-- period, as CareerVillage shows "Medical Records Spec.".
CREATE FUNCTION airesilience.occupation_short_name(title text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN pg_catalog.length(t) > 26 AND t ~ ' [A-Za-z]{5,}$'
                THEN pg_catalog.regexp_replace(t, ' ([A-Za-z]{4})[A-Za-z]+$', ' \1.')
                ELSE t
           END
      FROM (SELECT pg_catalog.regexp_replace(title, ', (Except|All Other)\M.*$', '') AS t) s;
END;
COMMENT ON FUNCTION airesilience.occupation_short_name(text) IS
    'Short title: without a trailing ", Except ..." or ", All Other ..." qualifier; if still longer than 26 characters, the last word (5 letters or more) cut to its first four letters and a period';

-- When the reports were last recorded (lastUpdated): the time of the newest
-- snapshot, the scoring run the site publishes.  A stored time, never
-- now(): the same data must give the same document.
CREATE FUNCTION airesilience.data_updated_at()
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT max(taken_at) FROM airesilience.snapshot;
END;
COMMENT ON FUNCTION airesilience.data_updated_at() IS
    'When the reports were last recorded, as the JSON document reports it (lastUpdated): the time of the newest snapshot (take_snapshot), NULL before the first';

-- A number for a sentence: rounded to one decimal, without a trailing ".0".
CREATE FUNCTION airesilience.explanation_number(x float8)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.trim_scale(pg_catalog.round(x::numeric, 1))::text;
END;
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
    headline_scheme text := coalesce(nullif(current_setting('airesilience.label_scheme', true), ''), 'resilience6');
    headline_label text;
    schemes    jsonb;
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
                        'bucketScheme', 'task_bucket',
                        'raterCount', t.rater_count,
                        'raterSpread', t.rater_spread,
                        'taskTypeSource', t.task_type_source)
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
                        'label', airesilience.score_label(m.score),
                        'labelScheme', headline_scheme)
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
                        'labelScheme', p.label_scheme,
                        'labelMeaning', airesilience.label_meaning(c.label, p.label_scheme),
                        'coverage', c.coverage,
                        'signalsUsed', c.signals_used,
                        'signalsMissing', to_jsonb(c.signals_missing),
                        'breakdown', c.breakdown)), '{}')
      INTO composite
      FROM airesilience.composite_report c
      JOIN airesilience.composite_preset p ON p.preset = c.preset
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
                                       'name', r.title, 'similarity', r.similarity, 'basis', r.basis)
                                   ORDER BY r.rank) FILTER (WHERE r.scope = 'overall'), '[]'),
               'category', coalesce(jsonb_agg(jsonb_build_object(
                                        'rank', r.rank, 'code', r.related_code,
                                        'name', r.title, 'similarity', r.similarity, 'basis', r.basis)
                                    ORDER BY r.rank) FILTER (WHERE r.scope = 'category'), '[]'))
      INTO related
      FROM airesilience.related_report r
     WHERE r.onet_code = occ.onet_code;

    SELECT jsonb_build_object(
               'potential', p.potential,
               'adoption', p.adoption,
               'evidenceCount', p.evidence_count,
               'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                                'dataset', e->'evidence',
                                                'title', e->'title',
                                                'value', e->'value',
                                                'observed', e->'observed',
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

    headline_label := airesilience.score_label(consensus.median);

    -- The label schemes the document uses, with their cuts and meanings.
    SELECT jsonb_object_agg(l.scheme, jsonb_build_object(
               'description', l.description,
               'cuts', to_jsonb(l.cuts),
               'inclusive', l.inclusive,
               'labels', (SELECT jsonb_agg(jsonb_build_object('label', b.label, 'meaning', b.meaning)
                                           ORDER BY b.position)
                            FROM airesilience.label_band b WHERE b.scheme = l.scheme)))
      INTO schemes
      FROM airesilience.label_scheme l
     WHERE l.scheme = headline_scheme OR l.scheme = 'task_bucket'
        OR l.scheme IN (SELECT p.label_scheme FROM airesilience.composite_preset p
                         WHERE composite ? p.preset);

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
            'label', headline_label,
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr),
            'explanation', NULL,
            'labelScheme', headline_scheme,
            'labelMeaning', airesilience.label_meaning(headline_label, headline_scheme)),
        'headline', jsonb_build_object(
            'score', consensus.median,
            'scale', '0-100, higher = more resilient to AI',
            'basis', 'median of the source scores (consensus)',
            'label', headline_label,
            'labelScheme', headline_scheme,
            'labelMeaning', airesilience.label_meaning(headline_label, headline_scheme),
            'confidence', airesilience.consensus_confidence(coalesce(consensus.n, 0), consensus.iqr),
            'sourceCount', coalesce(consensus.n, 0)),
        'labelSchemes', coalesce(schemes, '{}'),
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
BEGIN ATOMIC
    SELECT airesilience.occupation_document(onet_code)->'aiResilience'->>'explanation';
END;
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
