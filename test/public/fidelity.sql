-- Fidelity: the extension's own aggregate reproduces the occupation scores
-- that "GPTs are GPTs" publishes (gpts-are-gpts/occ_level.csv) from its task
-- labels.  Run by test/public/run.sh with psql's working directory in the
-- data directory, in a database where scripts/load-public.sh has run.
--
-- The published figures are task-weighted means, Core tasks weight 2 and all
-- others 1 = airesilience.task_weight('task_type', task_type, NULL, NULL):
--   alpha = weighted share of E1            -> score 100 for E1, else 0
--   beta  = weighted mean of E1 = 1, E2 = 0.5, E0 = 0 -> score = the exposure
--   gamma = weighted share of E1 or E2      -> score 100 for E1 or E2, else 0
-- each computed with airesilience.weighted_resilience(score, weight) / 100,
-- dv_rating_* from the GPT-4 labels and human_rating_* from the human ones.
--
-- What the data allows (see the last tests): occ_level.csv was computed over
-- the label set's own task list, an earlier O*NET release.  514 of its 19265
-- tasks are no longer in O*NET 29.3 (246 occupations lose some), and 569 of
-- the others changed Task Type (Core <-> Supplemental, or typed since).  So:
--   * from the label set's own tasks and types, all 923 occupations match;
--   * the loaded ratings are exactly the label set's labels, task by task;
--   * from the loaded ratings and O*NET 29.3 task types, an occupation
--     matches exactly when its task list and types did not change (and a
--     few more whose changes cancel out): 586 of 923.
SET client_min_messages = warning;
SET extra_float_digits = 0;
BEGIN;
SELECT plan(9);

CREATE TEMP TABLE occ_level (
    onet_code text PRIMARY KEY, title text,
    dv_alpha float8, dv_beta float8, dv_gamma float8,
    human_alpha float8, human_beta float8, human_gamma float8);
\copy occ_level FROM 'gpts-are-gpts/occ_level.csv' WITH (FORMAT csv, HEADER true)

CREATE TEMP TABLE labelset (
    index integer, onet_code text, task_id float8, task text, task_type text, title text,
    human_exposure_agg text, gpt4_exposure text, gpt4_exposure_alt_rubric text, gpt_3_relevant text,
    gpt4_automation text, alpha float8, beta float8, gamma float8, automation float8, human_labels text);
\copy labelset FROM 'gpts-are-gpts/full_labelset.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true)

-- The six measures per occupation from (onet_code, task_type, rater, exposure) rows.
CREATE FUNCTION pg_temp.measures(rows regclass)
RETURNS TABLE (onet_code text, dv_alpha float8, dv_beta float8, dv_gamma float8,
               human_alpha float8, human_beta float8, human_gamma float8)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT r.onet_code,
               airesilience.weighted_resilience(CASE WHEN exposure = 100 THEN 100 ELSE 0 END, w) FILTER (WHERE rater = 'gpt4') / 100,
               airesilience.weighted_resilience(exposure, w) FILTER (WHERE rater = 'gpt4') / 100,
               airesilience.weighted_resilience(CASE WHEN exposure > 0 THEN 100 ELSE 0 END, w) FILTER (WHERE rater = 'gpt4') / 100,
               airesilience.weighted_resilience(CASE WHEN exposure = 100 THEN 100 ELSE 0 END, w) FILTER (WHERE rater = 'human') / 100,
               airesilience.weighted_resilience(exposure, w) FILTER (WHERE rater = 'human') / 100,
               airesilience.weighted_resilience(CASE WHEN exposure > 0 THEN 100 ELSE 0 END, w) FILTER (WHERE rater = 'human') / 100
          FROM (SELECT *, airesilience.task_weight('task_type', task_type, NULL, NULL) AS w FROM %s) r
         GROUP BY r.onet_code$q$, rows);
END
$$;

-- Occupations of occ_level.csv whose six figures all lie within 1e-12.
CREATE FUNCTION pg_temp.matching(rows regclass)
RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT p.onet_code
      FROM occ_level p JOIN pg_temp.measures(rows) m USING (onet_code)
     WHERE abs(m.dv_alpha - p.dv_alpha) <= 1e-12 AND abs(m.dv_beta - p.dv_beta) <= 1e-12
       AND abs(m.dv_gamma - p.dv_gamma) <= 1e-12 AND abs(m.human_alpha - p.human_alpha) <= 1e-12
       AND abs(m.human_beta - p.human_beta) <= 1e-12 AND abs(m.human_gamma - p.human_gamma) <= 1e-12
$$;

-- The labels as published: the label set's tasks and task types.
CREATE TEMP VIEW published_ratings AS
SELECT l.onet_code, lower(l.task_type) AS task_type, r.rater,
       CASE r.label WHEN 'E1' THEN 100 WHEN 'E2' THEN 50 ELSE 0 END::float8 AS exposure
  FROM labelset l
 CROSS JOIN LATERAL (VALUES ('gpt4', l.gpt4_exposure), ('human', l.human_exposure_agg)) AS r(rater, label);

-- The labels as loaded: task_rating rows, with O*NET 29.3's own task types
-- (task_type_source 'release'; the types the loader takes from a
-- predecessor occupation are not the label set's).
CREATE TEMP VIEW release_task AS
SELECT t.onet_code, t.task_id,
       CASE WHEN t.task_type_source IS DISTINCT FROM 'predecessor' THEN t.task_type END AS task_type
  FROM airesilience.task t;
CREATE TEMP VIEW loaded_ratings AS
SELECT r.onet_code, t.task_type, r.rater, r.exposure
  FROM airesilience.task_rating r JOIN release_task t USING (onet_code, task_id)
 WHERE r.rater IN ('gpt4', 'human');

-- Occupations whose label-set tasks and types are exactly O*NET 29.3's.
CREATE TEMP TABLE unchanged AS
SELECT onet_code FROM occ_level o
 WHERE NOT EXISTS (
        (SELECT task_id::integer, lower(task_type) FROM labelset l WHERE l.onet_code = o.onet_code
         EXCEPT SELECT task_id, task_type FROM release_task t WHERE t.onet_code = o.onet_code)
        UNION ALL
        (SELECT task_id, task_type FROM release_task t WHERE t.onet_code = o.onet_code
         EXCEPT SELECT task_id::integer, lower(task_type) FROM labelset l WHERE l.onet_code = o.onet_code));

SELECT is((SELECT count(*) FROM occ_level), 923::bigint, 'occ_level.csv: 923 occupations');

SELECT is((SELECT count(*) FROM pg_temp.matching('published_ratings')), 923::bigint,
          'weighted_resilience over the published labels reproduces all 6 figures of all 923 occupations within 1e-12');

SELECT is((SELECT count(*) FROM labelset l
            WHERE EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = l.onet_code AND t.task_id = l.task_id::integer)),
          18751::bigint, '18751 labelled tasks are in O*NET 29.3 (514 are not)');

SELECT is((SELECT count(*) FROM labelset l
             CROSS JOIN LATERAL (VALUES ('gpt4', l.gpt4_exposure), ('human', l.human_exposure_agg)) AS x(rater, label)
             JOIN airesilience.task_rating r
               ON r.onet_code = l.onet_code AND r.task_id = l.task_id::integer AND r.rater = x.rater
            WHERE r.exposure IS DISTINCT FROM CASE x.label WHEN 'E1' THEN 100 WHEN 'E2' THEN 50 ELSE 0 END),
          0::bigint, 'every loaded rating is its label: E1 = 100, E2 = 50, E0 = 0');
SELECT is((SELECT count(*) FROM airesilience.task_rating WHERE rater IN ('gpt4', 'human')), 37502::bigint,
          '37502 loaded ratings: two per labelled O*NET 29.3 task');

SELECT is((SELECT count(*) FROM unchanged), 567::bigint,
          '567 occupations have the same tasks and task types in the label set and in O*NET 29.3');

SELECT is((SELECT array_agg(onet_code ORDER BY onet_code) FROM unchanged u
            WHERE u.onet_code NOT IN (SELECT * FROM pg_temp.matching('loaded_ratings'))),
          NULL, 'over the loaded ratings, every one of them matches occ_level.csv within 1e-12');

SELECT is((SELECT count(*) FROM pg_temp.matching('loaded_ratings')), 586::bigint,
          'over the loaded ratings, 586 of 923 occupations match (all unchanged ones and 19 whose changes cancel out)');

-- Medical Records Specialists, README §10: beta 10.5/17 from the loaded ratings.
SELECT ok(abs((SELECT dv_beta FROM pg_temp.measures('loaded_ratings') WHERE onet_code = '29-2072.00')
              - 0.6176470588235294) <= 1e-12, '29-2072.00: GPT-4 beta 0.6176470588235294 from the loaded ratings');

SELECT diag(format('fidelity: %s of %s occupations match occ_level.csv within 1e-12 over the published labels; '
                   '%s over the loaded ratings (O*NET 29.3 tasks and types)',
                   (SELECT count(*) FROM pg_temp.matching('published_ratings')),
                   (SELECT count(*) FROM occ_level),
                   (SELECT count(*) FROM pg_temp.matching('loaded_ratings'))));

SELECT * FROM finish();
ROLLBACK;
