-- airesilience loader (loader/public.sql): Microsoft Working with AI.

------------------------------------------------------------------------------
-- Microsoft Working with AI: AI applicability per 6-digit SOC code
------------------------------------------------------------------------------

SELECT pg_temp.stage('working-with-ai/soc_ai_applicability_scores.csv',
    '{soc_code,title,score}', '{SOC Code,title,ai_applicability_score}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('working-with-ai/soc_ai_applicability_scores.csv');
    PERFORM pg_temp.require_soc_code('working-with-ai/soc_ai_applicability_scores.csv', 'soc_code');
    PERFORM pg_temp.require_number('working-with-ai/soc_ai_applicability_scores.csv', 'score', 0, 1);
    PERFORM pg_temp.require_unique('working-with-ai/soc_ai_applicability_scores.csv', 't.soc_code', 'SOC Code');
END $$;
-- Every O*NET occupation of the SOC code gets its score.  Twelve codes are
-- BLS aggregates (13-1020 Buyers and purchasing agents, ...): the NEM
-- crosswalk names their member O*NET occupations, which get the aggregate's
-- score when their own SOC code has none.
INSERT INTO new_source_value
SELECT o.onet_code, 'working_with_ai', m.score::float8
  FROM pg_temp.new_occupation o
  JOIN pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m ON m.soc_code = left(o.onet_code, 7);
INSERT INTO new_source_value
SELECT o.onet_code, 'working_with_ai', m.score::float8
  FROM pg_temp.new_occupation o
  JOIN pg_temp.nem n USING (onet_code)
  JOIN pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m ON m.soc_code = n.nem_code
 WHERE NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" d
                    WHERE d.soc_code = left(o.onet_code, 7));
CREATE TEMP TABLE working_with_ai_use ON COMMIT DROP AS
SELECT m.soc_code,
       EXISTS (SELECT FROM pg_temp.new_occupation o WHERE left(o.onet_code, 7) = m.soc_code) AS direct,
       EXISTS (SELECT FROM pg_temp.nem n
                WHERE n.nem_code = m.soc_code AND left(n.onet_code, 7) <> m.soc_code
                  AND NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" d
                                   WHERE d.soc_code = left(n.onet_code, 7))) AS aggregate
  FROM pg_temp."working-with-ai/soc_ai_applicability_scores.csv" m;
SELECT pg_temp.progress('working-with-ai/soc_ai_applicability_scores.csv',
    (SELECT count(*) FROM pg_temp.working_with_ai_use WHERE direct OR aggregate),
    ARRAY[[(SELECT count(*) FROM pg_temp.working_with_ai_use WHERE NOT (direct OR aggregate))::text,
           'SOC code of no O*NET occupation']],
    format('working_with_ai of %s occupations (%s of them through %s BLS aggregate codes of the NEM crosswalk)',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'working_with_ai'),
           (SELECT count(*) FROM pg_temp.new_source_value v
             WHERE v.source = 'working_with_ai'
               AND NOT EXISTS (SELECT FROM pg_temp.working_with_ai_use u
                                WHERE u.soc_code = left(v.onet_code, 7))),
           (SELECT count(*) FROM pg_temp.working_with_ai_use WHERE aggregate)));

-- Coverage, the adoption evidence of the dataset working_with_ai_coverage:
-- coverage_user, the importance- and relevance-weighted share of the
-- occupation's work activities (IWAs) that users sought AI help with in
-- Bing Copilot conversations.  The user side, not the AI side, because
-- evidence of adoption is what people bring to AI from their work.  It
-- reaches the occupations as the applicability score does: the O*NET
-- occupations of the SOC code, else the BLS aggregate code of the NEM
-- crosswalk; each row's match_quality says which.
SELECT pg_temp.stage('working-with-ai/soc_metrics.csv',
    '{soc_code,title,coverage_user,coverage_ai,completion_user,completion_ai,feedback_positive_fraction_user,feedback_positive_fraction_ai,impact_scope_user,impact_scope_ai,ai_applicability_score_user,ai_applicability_score_ai}',
    '{SOC Code,title,coverage_user,coverage_ai,completion_user,completion_ai,feedback_positive_fraction_user,feedback_positive_fraction_ai,impact_scope_user,impact_scope_ai,ai_applicability_score_user,ai_applicability_score_ai}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('working-with-ai/soc_metrics.csv');
    PERFORM pg_temp.require_soc_code('working-with-ai/soc_metrics.csv', 'soc_code');
    PERFORM pg_temp.require_number('working-with-ai/soc_metrics.csv', 'coverage_user', 0, 1);
    PERFORM pg_temp.require_unique('working-with-ai/soc_metrics.csv', 't.soc_code', 'SOC Code');
END $$;
CREATE TEMP TABLE coverage_match ON COMMIT DROP AS
SELECT o.onet_code, m.soc_code, m.coverage_user::float8 * 100 AS coverage_pct, false AS aggregate
  FROM pg_temp.new_occupation o
  JOIN pg_temp."working-with-ai/soc_metrics.csv" m ON m.soc_code = left(o.onet_code, 7)
UNION ALL
SELECT o.onet_code, m.soc_code, m.coverage_user::float8 * 100, true
  FROM pg_temp.new_occupation o
  JOIN pg_temp.nem n USING (onet_code)
  JOIN pg_temp."working-with-ai/soc_metrics.csv" m ON m.soc_code = n.nem_code
 WHERE NOT EXISTS (SELECT FROM pg_temp."working-with-ai/soc_metrics.csv" d WHERE d.soc_code = left(o.onet_code, 7));
CREATE TEMP TABLE new_occupation_usage ON COMMIT DROP AS
SELECT c.onet_code, 'working_with_ai_coverage'::text AS dataset, c.coverage_pct,
       CASE WHEN c.aggregate
            THEN format('BLS aggregate code %s (NEM crosswalk): one value for its %s O*NET occupations',
                        c.soc_code, count(*) OVER (PARTITION BY c.soc_code))
            WHEN count(*) OVER (PARTITION BY c.soc_code) = 1
            THEN format('SOC 2018 code %s, of this occupation alone', c.soc_code)
            ELSE format('SOC 2018 code %s: one value for its %s O*NET occupations',
                        c.soc_code, count(*) OVER (PARTITION BY c.soc_code))
       END AS match_quality
  FROM pg_temp.coverage_match c;
ALTER TABLE new_occupation_usage ADD PRIMARY KEY (onet_code, dataset);
SELECT pg_temp.progress('working-with-ai/soc_metrics.csv',
    (SELECT count(DISTINCT soc_code) FROM pg_temp.coverage_match),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'working-with-ai/soc_metrics.csv')
            - (SELECT count(DISTINCT soc_code) FROM pg_temp.coverage_match))::text,
           'SOC code of no O*NET occupation']],
    format('occupation_usage working_with_ai_coverage (coverage_user x 100) of %s occupations (%s of them through BLS aggregate codes)',
           (SELECT count(*) FROM pg_temp.new_occupation_usage),
           (SELECT count(*) FROM pg_temp.coverage_match WHERE aggregate)));

