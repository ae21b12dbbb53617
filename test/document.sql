-- The occupation document (occupation_document), its explanation
-- (document_explanation, occupation_explanation) and the view
-- occupation_document, on the project's sample data and on hand-made
-- occupations added to it.
--
-- The sample is read from sample/sample.sql without its BEGIN and COMMIT, so
-- it stays inside this file's transaction and is rolled back with it
-- (pg_prove runs from the repository root, as make test does).
--
-- Expected values are worked out by hand in the comments; where the
-- document repeats a report view, the view is the second method.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(124);

\set sample_data `sed -e '/^BEGIN;$/d' -e '/^COMMIT;$/d' sample/sample.sql`
:sample_data

CREATE TEMP TABLE doc AS
SELECT o.onet_code, airesilience.occupation_document(o.onet_code) AS d
  FROM airesilience.occupation o;
CREATE TEMP TABLE mrs AS SELECT d FROM doc WHERE onet_code = '29-2072.00';
-- The documents above were built in a session with extra_float_digits 0;
-- the ones this file builds to compare with them are built with 1, the
-- shortest form that reads back exactly, as the document writes numbers.
SET extra_float_digits = 1;

-- A number of a document as float8.
CREATE FUNCTION pg_temp.num(j jsonb) RETURNS float8 LANGUAGE sql AS $$ SELECT (j #>> '{}')::float8 $$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT has_function('airesilience', 'occupation_document', ARRAY['text'], 'occupation_document(text) exists');
SELECT has_function('airesilience', 'occupation_explanation', ARRAY['text'], 'occupation_explanation(text) exists');
SELECT has_function('airesilience', 'document_explanation', ARRAY['jsonb'], 'document_explanation(jsonb) exists');
SELECT has_view('airesilience', 'occupation_document', 'the view occupation_document exists');
SELECT columns_are('airesilience', 'occupation_document', ARRAY['onet_code', 'document'],
                   'the view has the columns onet_code and document');
SELECT is(
    (SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
       FROM pg_proc p
      WHERE p.pronamespace = 'airesilience'::regnamespace
        AND p.proname IN ('occupation_document', 'occupation_explanation', 'document_explanation',
                          'occupation_slug', 'occupation_short_name', 'data_updated_at', 'explanation_number')
        AND obj_description(p.oid, 'pg_proc') IS NULL),
    NULL, 'every document function has a comment');
SELECT ok(obj_description('airesilience.occupation_document'::regclass, 'pg_class') IS NOT NULL,
          'the view has a comment');
SELECT is(
    (SELECT array_agg(p.proname || ':' || p.provolatile::text || p.proparallel::text ORDER BY p.proname)
       FROM pg_proc p
      WHERE p.pronamespace = 'airesilience'::regnamespace
        AND p.proname IN ('occupation_document', 'occupation_explanation', 'document_explanation',
                          'occupation_slug', 'occupation_short_name', 'data_updated_at', 'explanation_number')),
    ARRAY['data_updated_at:ss', 'document_explanation:is', 'explanation_number:is', 'occupation_document:ss',
          'occupation_explanation:ss', 'occupation_short_name:is', 'occupation_slug:is'],
    'the document functions are STABLE, the text helpers IMMUTABLE, all PARALLEL SAFE');

------------------------------------------------------------------------------
-- Medical Records Specialists (29-2072.00), field by field
------------------------------------------------------------------------------
--
-- By hand (README worked example, sql/occupation_report.sql):
--   17 tasks, equal weights; task exposure = mean of the two raters.
--   task resilience = 100 - 2000/34 = 700/17 = 41.1764705882353
--   source scores: digital_exposure 100 - 10*9 = 10, frey_osborne
--   100 - 100*0.91 = 9, task_model 700/17, working_with_ai
--   100 - 100*0.27060368865203227 = 72.93963113479677
--   median (10 + 700/17) / 2 = 870/34 = 25.58823529411765
--   q1 = 9 + 0.75 (10 - 9) = 9.75, q3 = 700/17 + 0.25 (72.9396... - 700/17)
--   = 49.11726072487566, iqr 39.36726072487566 -> Low (>= 39, 4 sources)
--   aiResilience.score = 25.58823529411765 / 100 = 0.2558823529411765

SELECT is((SELECT d->>'code' FROM mrs), '29-2072.00', 'code is the O*NET-SOC code');
SELECT is((SELECT d->>'name' FROM mrs), 'Medical Records Specialists', 'name is the title');
SELECT is((SELECT d->>'nameShort' FROM mrs), 'Medical Records Spec.',
          'nameShort: 27 characters > 26, last word cut to four letters and a period');
SELECT is((SELECT d->>'slug' FROM mrs), 'medical-records-specialists', 'slug: lower case, hyphens');
SELECT is((SELECT d->'level' FROM mrs), '3'::jsonb, 'level is the O*NET job zone, 3');
SELECT is((SELECT d->>'description' FROM mrs),
          'Code, organize and safeguard patients'' health records, and process the information in them for billing, research and reporting.',
          'description is the occupation''s description');
SELECT is((SELECT d->>'url' FROM mrs), '/occupations/medical-records-specialists', 'url is /occupations/<slug>');
SELECT is((SELECT d->'lastUpdated' FROM mrs), 'null'::jsonb, 'lastUpdated is null before the first snapshot');
SELECT is((SELECT d->>'socCode' FROM mrs), '29-2072', 'socCode is the 6-digit SOC code');
SELECT is((SELECT d->'category' FROM mrs), '{"code": "healthcare", "name": "Healthcare"}'::jsonb,
          'category: code and title');
SELECT is((SELECT d->'aiResilience'->'score' FROM mrs), '0.2558823529411765'::jsonb,
          'aiResilience.score = source_median / 100 = 0.2558823529411765');
SELECT is((SELECT pg_temp.num(d->'aiResilience'->'score') FROM mrs), 25.58823529411765::float8 / 100,
          'aiResilience.score is the float8 quotient itself');
SELECT ok((SELECT abs(pg_temp.num(d->'aiResilience'->'score') - 870.0 / 3400) < 1e-15 FROM mrs),
          'aiResilience.score is 870/3400 within 1e-15');
SELECT is((SELECT d->'aiResilience'->>'label' FROM mrs), 'Not Very Resilient',
          'aiResilience.label: 25.59 > 22 and not > 35 under resilience6');
SELECT is((SELECT d->'aiResilience'->>'confidence' FROM mrs), 'Low',
          'aiResilience.confidence: 4 sources, iqr 39.37 >= 39 -> Low');
SELECT is((SELECT d->'airm'->>'version' FROM mrs),
          (SELECT extversion FROM pg_extension WHERE extname = 'airesilience'),
          'airm.version is the installed extension version');

-- Tasks.  Exposure 25 (raters 50 and 0): 22881 and 22888, resilience 75,
-- ranked first, equal weights and no type -> by task id.  Exposure 100:
-- 22877 and 22893, ranked last.  The exposures add up to (1050 + 950) / 2
-- = 1000, so the automation likelihoods add up to 10.
SELECT is((SELECT jsonb_array_length(d->'tasks') FROM mrs), 17, '17 tasks');
SELECT is((SELECT array_agg((t->>'rank')::int ORDER BY o) FROM mrs, jsonb_array_elements(d->'tasks') WITH ORDINALITY x (t, o)),
          (SELECT array_agg(i) FROM generate_series(1, 17) i),
          'tasks are in rank order 1..17');
SELECT is((SELECT (d->'tasks'->0) - 'task' FROM mrs),
          '{"id": 22881, "rank": 1, "bucket": "Human-led", "bucketScheme": "task_bucket", "weight": 1, "exposure": 25,
            "taskType": null, "taskTypeSource": null, "raterCount": 2, "resilience": 75, "raterSpread": 50,
            "automationLikelihood": 0.25}'::jsonb,
          'first task: 22881, exposure 25, automationLikelihood 0.25, Human-led (75 > 62.5) under task_bucket');
SELECT is((SELECT d->'tasks'->0->>'task' FROM mrs),
          'Abstract patient information and assign codes to it under the standard classification systems.',
          'a task''s text is its description');
SELECT is((SELECT array_agg(t->>'id' ORDER BY (t->>'rank')::int) FROM mrs, jsonb_array_elements(d->'tasks') t
            WHERE (t->>'rank')::int IN (1, 2, 16, 17)),
          '{22881,22888,22877,22893}', 'ties broken by task id at both ends');
SELECT is((SELECT sum(pg_temp.num(t->'automationLikelihood')) FROM mrs, jsonb_array_elements(d->'tasks') t),
          10::float8, 'automation likelihoods add up to 1000 / 100 = 10');
SELECT is((SELECT (d->'taskModel') - 'resilience' FROM mrs),
          '{"taskCount": 17, "weightBasis": "equal", "ratedTaskCount": 17}'::jsonb,
          'taskModel: 17 tasks, all rated, equal weights');
SELECT ok((SELECT abs(pg_temp.num(d->'taskModel'->'resilience') - 700.0 / 17) < 1e-9 FROM mrs),
          'taskModel.resilience = 700/17');

-- Sources, ordered by name.
SELECT is((SELECT array_agg(s->>'source' || ' ' || (s->>'orientation') ORDER BY o)
             FROM mrs, jsonb_array_elements(d->'sources') WITH ORDINALITY x (s, o)),
          '{"digital_exposure exposure","frey_osborne exposure","task_model resilience","working_with_ai exposure"}',
          'four sources in name order, with their orientation');
SELECT is((SELECT array_agg(round(pg_temp.num(s->'score')::numeric, 9) ORDER BY s->>'source')
             FROM mrs, jsonb_array_elements(d->'sources') s),
          '{10, 9, 41.176470588, 72.939631135}'::numeric[],
          'source scores 10, 9, 700/17, 100 - 27.06');
SELECT is((SELECT array_agg(s->'rawValue' ORDER BY s->>'source') FROM mrs, jsonb_array_elements(d->'sources') s
            WHERE s->>'source' <> 'task_model'),
          ARRAY['9', '0.91', '0.27060368865203227']::jsonb[], 'raw values on the native scales');
-- Mid-rank percentile of the raw value among the 15 sample occupations
-- (stored whatever the normalization; the sample scores linearly):
-- digital exposure 9 has 10 values below it (1,2,2,3,4,4,5,6,8,8) and 4
-- others equal to it (15-1251, 23-2011, 43-3031, 43-4051) -> (10 + 4/2)/14;
-- frey_osborne 0.91 has 11 below -> 11/14; task_model 41.18 has 3 below
-- (11.93, 32.63, 35.21) -> 3/14; working_with_ai 0.2706 has 10 below -> 10/14.
SELECT is((SELECT array_agg(round(pg_temp.num(s->'percentile')::numeric, 9) ORDER BY s->>'source')
             FROM mrs, jsonb_array_elements(d->'sources') s),
          ARRAY[round(1200/14.0, 9), round(1100/14.0, 9), round(300/14.0, 9), round(1000/14.0, 9)],
          'percentiles 12/14, 11/14, 3/14 (task_model), 10/14');

-- Consensus.
SELECT is((SELECT (d->'consensus') - ARRAY['median', 'q3', 'iqr', 'max'] FROM mrs),
          '{"n": 4, "q1": 9.75, "min": 9, "confidence": "Low"}'::jsonb, 'consensus: n 4, q1 9.75, min 9, Low');
SELECT ok((SELECT abs(pg_temp.num(d->'consensus'->'median') - 870.0 / 34) < 1e-12
              AND abs(pg_temp.num(d->'consensus'->'q3') - 49.11726072487566) < 1e-9
              AND abs(pg_temp.num(d->'consensus'->'iqr') - 39.36726072487566) < 1e-9
              AND abs(pg_temp.num(d->'consensus'->'max') - 72.93963113479677) < 1e-9 FROM mrs),
          'consensus: median 870/34, q3 49.117, iqr 39.367, max 72.940');

-- Composite.  jobpocalypse: task exposure 1000/17 (all tasks weigh 1),
-- digital 90, market pressure 50 - 5 x 7.1 = 14.5, entry barrier 60
-- (postsecondary nondegree award): 0.6 x 58.82 + 0.1 x 90 + 0.15 x 14.5
-- + 0.15 x 60 = 55.469 -> High (>= 55).  careervillage: human contribution
-- = mean of the source scores = 33.279; employer demand = 0.6 x 2/14 +
-- 0.4 x 9/14 (openings and growth percentiles) = 34.286; economic
-- opportunity = wage-bill percentile 1/14 alone (no related occupations,
-- so no adaptability) = 7.143: 0.4 x 33.279 + 0.3 x 34.286 + 0.3 x 7.143
-- = 25.740 -> Not Very Resilient.
SELECT ok((SELECT abs(pg_temp.num(d->'composite'->'jobpocalypse'->'score')
                      - (0.6 * 1000 / 17.0 + 0.1 * 90 + 0.15 * 14.5 + 0.15 * 60)) < 1e-9
              AND abs(pg_temp.num(d->'composite'->'careervillage'->'score')
                      - (0.4 * (10 + 9 + 700 / 17.0 + 72.93963113479677) / 4
                         + 0.3 * (0.6 * 200 / 14.0 + 0.4 * 900 / 14.0) + 0.3 * 100 / 14.0)) < 1e-9 FROM mrs),
          'composite scores 55.469 (jobpocalypse) and 25.740 (careervillage)');
SELECT is((SELECT jsonb_build_object('j', (d->'composite'->'jobpocalypse') - ARRAY['score', 'breakdown'],
                                     'c', (d->'composite'->'careervillage') - ARRAY['score', 'breakdown']) FROM mrs),
          '{"j": {"label": "High", "labelScheme": "tiers5", "coverage": 1, "signalsUsed": 4, "signalsMissing": [],
                  "labelMeaning": "Exposure index 55 to under 70: high exposure to AI, more than half of the weighted work is exposed."},
            "c": {"label": "Not Very Resilient", "labelScheme": "resilience6", "coverage": 1, "signalsUsed": 3, "signalsMissing": [],
                  "labelMeaning": "Above 22: much of the routine work can already be done or sped up by AI, and the role is changing."}}'::jsonb,
          'composite labels with their schemes and meanings, coverage and signals');

-- BLS panel; percentiles among the 15 sample SOC codes: growth 7.1 has 9
-- lower -> 9/14; openings 14,200 has 2 lower (200, 5,500) -> 2/14; wage
-- bill 208,600 x 50,250 has 1 lower (6,400 x 239,200) -> 1/14.
SELECT is((SELECT (d->'bls') - ARRAY['growthPercentile', 'openingsPercentile', 'wageBillPercentile'] FROM mrs),
          '{"medianWage": 50250, "medianWageTopcoded": false, "employment": 194800, "employmentProjected": 208600,
            "annualOpenings": 14200, "growthPct": 7.1, "entryEducation": "Postsecondary nondegree award",
            "workExperience": "None"}'::jsonb,
          'bls: 50250, 194800, 208600, 14200, 7.1, education, experience');
SELECT is((SELECT ARRAY[round(pg_temp.num(d->'bls'->'growthPercentile')::numeric, 9),
                        round(pg_temp.num(d->'bls'->'openingsPercentile')::numeric, 9),
                        round(pg_temp.num(d->'bls'->'wageBillPercentile')::numeric, 9)] FROM mrs),
          ARRAY[round(900/14.0, 9), round(200/14.0, 9), round(100/14.0, 9)],
          'bls percentiles 9/14, 2/14, 1/14');

-- Seniority, healthcare curve {0,3,8,15} -> {0.85,1.0,1.08,1.12}: entry
-- 0.85 x 870/34 = 21.75 (Vulnerable, not > 22); mid at 4 years 1.0 + 1/5
-- x 0.08 = 1.016; senior 1.08; lead 1.12 x 870/34 = 28.659.
SELECT is((SELECT array_agg(s->>'level' || ' ' || (s->>'years') || ' ' || (s->>'multiplier') || ' ' || (s->>'label')
                            ORDER BY (s->>'position')::int)
             FROM mrs, jsonb_array_elements(d->'seniority') s),
          '{"entry 0 0.85 Vulnerable","mid 4 1.016 Not Very Resilient","senior 8 1.08 Not Very Resilient","lead 15 1.12 Not Very Resilient"}',
          'seniority levels, years, multipliers and labels');
SELECT ok((SELECT bool_and(abs(pg_temp.num(s->'score') - pg_temp.num(s->'multiplier') * 870 / 34) < 1e-9)
             FROM mrs, jsonb_array_elements(d->'seniority') s),
          'seniority scores = multiplier x 870/34 (21.75 at entry)');

-- The rest: no skills, activities or usage datasets in the sample.
SELECT is((SELECT d->'related' FROM mrs), '{"overall": [], "category": []}'::jsonb, 'related: no skill vectors, empty lists');
SELECT is((SELECT (d->'potentialAdoption') - 'potential' FROM mrs),
          '{"adoption": null, "evidenceCount": 0, "evidence": []}'::jsonb, 'potentialAdoption: no evidence');
SELECT ok((SELECT abs(pg_temp.num(d->'potentialAdoption'->'potential') - 1000 / 17.0) < 1e-9 FROM mrs),
          'potential = mean task exposure = 1000/17');
-- Raters disagree (50 apart) on 22880, 22881, 22884, 22887, 22888, 22889.
SELECT is((SELECT (d->'raters') - 'disagreementShare' FROM mrs), '{"tasksRated": 17, "tasksDisagreeing": 6}'::jsonb,
          'raters: 17 tasks rated twice, 6 disagreements');
SELECT ok((SELECT abs(pg_temp.num(d->'raters'->'disagreementShare') - 6 / 17.0) < 1e-12 FROM mrs),
          'disagreement share 6/17');
SELECT is((SELECT d->'exposureVectors' FROM mrs),
          '[{"vector": "workflow_automation", "score": null, "taskShare": 0, "tasks": 0},
            {"vector": "content_generation", "score": null, "taskShare": 0, "tasks": 0},
            {"vector": "analysis", "score": null, "taskShare": 0, "tasks": 0},
            {"vector": "physical_automation", "score": null, "taskShare": 0, "tasks": 0}]'::jsonb,
          'exposureVectors: the four vectors in order, no linked task');

------------------------------------------------------------------------------
-- The explanation
------------------------------------------------------------------------------

-- Medical Records Specialists: 25.6 (25.588 rounded), iqr 39.4, the grade
-- of 39.37 alone is Low -> "disagree widely"; strongest 22881 (rank 1),
-- weakest: resilience 0 (22877, 22893), the first in rank order 22877;
-- entry 21.75 -> 21.8 (half away from zero), lead 28.659 -> 28.7.
SELECT is(airesilience.occupation_explanation('29-2072.00'),
          'The score of Medical Records Specialists is 25.6 out of 100 (Not Very Resilient), the median of 4 sources, '
          'which disagree widely (interquartile range 39.4 points): confidence is Low. '
          'Its most resilient task is "Abstract patient information and assign codes to it under the standard classification systems" (resilience 75); '
          'its most exposed is "Place each patient case in its diagnosis-related group (DRG) with the help of grouping software" (resilience 0). '
          'Adjusted for seniority, the score runs from 21.8 (Vulnerable) at entry level to 28.7 (Not Very Resilient) at lead level.',
          'explanation of Medical Records Specialists, word for word');

-- Electricians (47-2111.00), weights 2 x importance x relevance / 100 for
-- core tasks: 2873 8.9, 2878 8.22, 2880 8.409896, 2882 9.26, 2885 6.549,
-- 2887 9.1, 2888 9.24, supplemental 2893 2.1408.  Resilience 100: 2873,
-- 2878, 2887, 2888 (core) and 2893; the heaviest core one is 2888 (9.24).
-- Resilience 0: 2885 only.  Task resilience (weighted mean) 78.5158;
-- sources 84.907, 80, 85, 78.516 -> median (80 + 84.907) / 2 = 82.453 ->
-- 82.5, Highly Resilient (> 80); q1 = 78.516 + 0.75 x 1.484 = 79.629, q3 =
-- 84.907 + 0.25 x 0.093 = 84.930, iqr 5.301 -> 5.3, grade High ("agree
-- closely"), 4 sources -> High.  Trades curve {0,4,10,20} ->
-- {0.93,1.0,1.04,1.06}: entry 0.93 x 82.453 = 76.682 -> 76.7 Resilient;
-- lead at 15 years 1.04 + 0.5 x 0.02 = 1.05, x 82.453 = 86.576 -> 86.6
-- Highly Resilient.
SELECT is(airesilience.occupation_explanation('47-2111.00'),
          'The score of Electricians is 82.5 out of 100 (Highly Resilient), the median of 4 sources, '
          'which agree closely (interquartile range 5.3 points): confidence is High. '
          'Its most resilient task is "Run conduit or tubing inside walls and other hidden spaces, then pull insulated cable through it to connect the boxes of a circuit" (resilience 100); '
          'its most exposed is "Handle the business side of the work, such as record keeping, reports and ordering materials" (resilience 0). '
          'Adjusted for seniority, the score runs from 76.7 (Resilient) at entry level to 86.6 (Highly Resilient) at lead level.',
          'explanation of Electricians, word for word');
SELECT is((SELECT d->'aiResilience'->>'explanation' FROM mrs), airesilience.occupation_explanation('29-2072.00'),
          'occupation_explanation is the document''s aiResilience.explanation');
SELECT is((SELECT count(*) FROM doc WHERE d->'aiResilience'->>'explanation' = airesilience.document_explanation(d)),
          15::bigint, 'every explanation is document_explanation of its own document');

-- The wording rules on hand-made documents (document_explanation reads
-- name, aiResilience.label, consensus, tasks and seniority only).
SELECT is(airesilience.document_explanation(
              '{"name": "Testers", "aiResilience": {"label": "Vulnerable"},
                "consensus": {"median": 12.34, "n": 1, "iqr": 0, "confidence": "Low"},
                "tasks": [{"rank": 1, "task": "Run the tests.", "resilience": 12.34},
                          {"rank": 2, "task": "Plan the tests.", "resilience": null}],
                "seniority": []}'),
          'The score of Testers is 12.3 out of 100 (Vulnerable), from a single source, so confidence is Low. '
          'Its only rated task is "Run the tests" (resilience 12.3). '
          'Its category has no seniority curve, so no seniority adjustment is given.',
          'one source, one rated task, no seniority curve');
SELECT is(airesilience.document_explanation(
              '{"name": "Testers", "aiResilience": {"label": "Somewhat Resilient"},
                "consensus": {"median": 50, "n": 3, "iqr": 25.95, "confidence": "Medium"},
                "tasks": [{"rank": 1, "task": "A.", "resilience": 40}, {"rank": 2, "task": "B.", "resilience": 40}],
                "seniority": [{"level": "lead", "position": 2, "score": 50.04, "label": "x"},
                              {"level": "entry", "position": 1, "score": 49.96, "label": "y"}]}'),
          'The score of Testers is 50 out of 100 (Somewhat Resilient), the median of 3 sources, '
          'which diverge (interquartile range 26 points): confidence is Medium. '
          'All 2 of its rated tasks have a resilience of 40. '
          'Seniority does not change it: 50 at entry and at lead level.',
          'equal tasks, seniority equal once rounded (49.96 and 50.04 -> 50), levels by position');
SELECT is(airesilience.document_explanation(
              '{"name": "Testers", "consensus": {"median": null, "n": 0, "confidence": "Low"},
                "tasks": [{"rank": 1, "task": "A.", "resilience": null}], "seniority": []}'),
          'There is no score for Testers yet: no source rates it. Its tasks are not rated yet.',
          'no source, unrated tasks, no seniority sentence without a score');
SELECT is(airesilience.document_explanation('{"name": "Testers", "consensus": {"n": 0}, "tasks": []}'),
          'There is no score for Testers yet: no source rates it. It has no tasks on record.',
          'no source, no task');
-- The agreement words follow the grade of the iqr alone: below 13, 18, 22,
-- 28 and above.
SELECT is((SELECT array_agg(substring(airesilience.document_explanation(jsonb_build_object(
                  'name', 'T', 'consensus', jsonb_build_object('median', 50, 'n', 2, 'iqr', i, 'confidence', 'x'),
                  'tasks', '[]'::jsonb)) FROM 'which ([a-z ]+) \(') ORDER BY i)
             FROM unnest(ARRAY[12.9, 13, 17.9, 21.9, 27.9, 28]) i),
          '{"agree closely","mostly agree","mostly agree","partly agree","diverge","disagree widely"}',
          'agreement words at the grade boundaries 13, 18, 22, 28');
SELECT is(airesilience.document_explanation(NULL), NULL, 'no document, no explanation');

------------------------------------------------------------------------------
-- Every sample occupation: keys and JSON types
------------------------------------------------------------------------------

-- 'key:type' over the 15 documents: one type per key, except where a
-- value may be missing (lastUpdated is null for all of them).
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(d->k) ORDER BY k || ':' || jsonb_typeof(d->k))
             FROM doc, jsonb_object_keys(d) k),
          ARRAY['aiResilience:object', 'airm:object', 'bls:object', 'category:object', 'code:string', 'composite:object',
                'consensus:object', 'description:string', 'exposureVectors:array', 'headline:object', 'labelSchemes:object',
                'lastUpdated:null', 'level:number',
                'name:string', 'nameShort:string', 'potentialAdoption:object', 'raters:object', 'related:object',
                'seniority:array', 'slug:string', 'socCode:string', 'sources:array', 'taskModel:object', 'tasks:array',
                'url:string'],
          'top-level keys and their types');
SELECT is((SELECT count(*) FROM doc WHERE (SELECT count(*) FROM jsonb_object_keys(d)) = 25), 15::bigint,
          'every sample document has all 25 keys');
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(d->'aiResilience'->k) ORDER BY k || ':' || jsonb_typeof(d->'aiResilience'->k))
             FROM doc, jsonb_object_keys(d->'aiResilience') k),
          '{confidence:string,explanation:string,label:string,labelMeaning:string,labelScheme:string,score:number}',
          'aiResilience keys and types');
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(t->k) ORDER BY k || ':' || jsonb_typeof(t->k))
             FROM doc, jsonb_array_elements(d->'tasks') t, jsonb_object_keys(t) k),
          '{automationLikelihood:null,automationLikelihood:number,bucket:null,bucket:string,bucketScheme:string,'
          'exposure:null,exposure:number,id:number,rank:number,raterCount:number,raterSpread:null,raterSpread:number,'
          'resilience:null,resilience:number,task:string,taskType:null,taskType:string,taskTypeSource:null,weight:number}',
          'task keys and types (null for the unrated paralegal task and untyped tasks)');
SELECT is((SELECT count(*) FROM doc, jsonb_array_elements(d->'tasks') t WHERE (SELECT count(*) FROM jsonb_object_keys(t)) = 13),
          (SELECT count(*) FROM airesilience.task), 'every task of the sample, each with all 13 keys');
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(s->k) ORDER BY k || ':' || jsonb_typeof(s->k))
             FROM doc, jsonb_array_elements(d->'sources') s, jsonb_object_keys(s) k),
          '{normalization:string,orientation:string,percentile:number,rawValue:number,score:number,source:string,title:string}',
          'source keys and types (task_model ranked too)');
SELECT is((SELECT array_agg(DISTINCT b || '.' || k || ':' || jsonb_typeof(d->b->k) ORDER BY b || '.' || k || ':' || jsonb_typeof(d->b->k))
             FROM doc, unnest(ARRAY['consensus', 'bls', 'taskModel', 'potentialAdoption', 'raters', 'related', 'airm', 'category']) b,
                  jsonb_object_keys(d->b) k),
          ARRAY['airm.version:string', 'bls.annualOpenings:number', 'bls.employment:number', 'bls.employmentProjected:number',
                'bls.entryEducation:string', 'bls.growthPct:number', 'bls.growthPercentile:number', 'bls.medianWage:number',
                'bls.medianWageTopcoded:boolean', 'bls.openingsPercentile:number', 'bls.wageBillPercentile:number',
                'bls.workExperience:string', 'category.code:string', 'category.name:string', 'consensus.confidence:string',
                'consensus.iqr:number', 'consensus.max:number', 'consensus.median:number', 'consensus.min:number',
                'consensus.n:number', 'consensus.q1:number', 'consensus.q3:number', 'potentialAdoption.adoption:null',
                'potentialAdoption.evidence:array', 'potentialAdoption.evidenceCount:number', 'potentialAdoption.potential:number',
                'raters.disagreementShare:number', 'raters.tasksDisagreeing:number', 'raters.tasksRated:number',
                'related.category:array', 'related.overall:array', 'taskModel.ratedTaskCount:number',
                'taskModel.resilience:number', 'taskModel.taskCount:number', 'taskModel.weightBasis:string'],
          'keys and types of the object blocks');
SELECT is((SELECT array_agg(DISTINCT p || '.' || k || ':' || jsonb_typeof(d->'composite'->p->k) ORDER BY p || '.' || k || ':' || jsonb_typeof(d->'composite'->p->k))
             FROM doc, jsonb_object_keys(d->'composite') p, jsonb_object_keys(d->'composite'->p) k),
          '{careervillage.breakdown:object,careervillage.coverage:number,careervillage.label:string,'
          'careervillage.labelMeaning:string,careervillage.labelScheme:string,careervillage.score:number,'
          'careervillage.signalsMissing:array,careervillage.signalsUsed:number,jobpocalypse.breakdown:object,'
          'jobpocalypse.coverage:number,jobpocalypse.label:string,jobpocalypse.labelMeaning:string,'
          'jobpocalypse.labelScheme:string,jobpocalypse.score:number,jobpocalypse.signalsMissing:array,'
          'jobpocalypse.signalsUsed:number}',
          'composite: one object per preset');
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(s->k) ORDER BY k || ':' || jsonb_typeof(s->k))
             FROM doc, jsonb_array_elements(d->'seniority') s, jsonb_object_keys(s) k),
          '{label:string,labelScheme:string,level:string,multiplier:number,position:number,score:number,years:number}',
          'seniority keys and types');
SELECT is((SELECT array_agg(DISTINCT k || ':' || jsonb_typeof(v->k) ORDER BY k || ':' || jsonb_typeof(v->k))
             FROM doc, jsonb_array_elements(d->'exposureVectors') v, jsonb_object_keys(v) k),
          '{score:null,taskShare:number,tasks:number,vector:string}',
          'exposure vector keys and types');
SELECT is((SELECT count(*) FROM doc WHERE pg_temp.num(d->'aiResilience'->'score') BETWEEN 0 AND 1
             AND (SELECT bool_and(jsonb_typeof(t->'automationLikelihood') = 'null'
                                  OR pg_temp.num(t->'automationLikelihood') BETWEEN 0 AND 1)
                    FROM jsonb_array_elements(d->'tasks') t)),
          15::bigint, 'score and automation likelihoods lie in [0, 1]');

------------------------------------------------------------------------------
-- The document against the report views, for every sample occupation
------------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM doc JOIN airesilience.occupation_report r USING (onet_code)
            WHERE pg_temp.num(d->'aiResilience'->'score') = r.source_median / 100
              AND d->'aiResilience'->>'label' = r.label
              AND d->'aiResilience'->>'confidence' = r.confidence
              AND pg_temp.num(d->'consensus'->'median') = r.source_median
              AND (d->'consensus'->>'n')::bigint = r.source_count
              AND pg_temp.num(d->'consensus'->'iqr') = r.dispersion
              AND (d->'taskModel'->>'taskCount')::bigint = r.task_count
              AND d->'taskModel'->>'weightBasis' = r.weight_basis
              AND pg_temp.num(d->'taskModel'->'resilience') = r.task_resilience
              AND pg_temp.num(d->'bls'->'medianWage') = r.median_wage
              AND (d->'bls'->>'annualOpenings')::int = r.annual_openings
              AND pg_temp.num(d->'bls'->'growthPercentile') = r.growth_percentile
              AND d->'level' = to_jsonb((SELECT job_zone FROM airesilience.occupation o WHERE o.onet_code = doc.onet_code))),
          15::bigint, 'headline, consensus, task model and BLS figures equal occupation_report''s');
SELECT is((SELECT count(*) FROM doc
            WHERE d->'tasks' = (SELECT jsonb_agg(jsonb_build_object(
                                    'id', t.task_id, 'task', t.description, 'automationLikelihood', t.exposure / 100,
                                    'taskType', t.task_type, 'rank', t.rank, 'exposure', t.exposure,
                                    'resilience', t.resilience, 'bucket', t.bucket, 'bucketScheme', 'task_bucket',
                                    'weight', t.weight, 'raterCount', t.rater_count, 'raterSpread', t.rater_spread,
                                    'taskTypeSource', t.task_type_source) ORDER BY t.rank)
                                  FROM airesilience.task_report t WHERE t.onet_code = doc.onet_code)),
          15::bigint, 'tasks equal task_report''s rows, in rank order');
SELECT is((SELECT count(*) FROM doc
            WHERE d->'sources' = (SELECT jsonb_agg(jsonb_build_object(
                                      'source', r.source, 'title', s.title, 'rawValue', r.raw_value, 'score', r.score,
                                      'percentile', r.percentile, 'orientation', r.orientation,
                                      'normalization', r.normalization) ORDER BY r.source)
                                    FROM airesilience.source_report r JOIN airesilience.source s USING (source)
                                   WHERE r.onet_code = doc.onet_code)),
          15::bigint, 'sources equal source_report''s rows');
SELECT is((SELECT count(*) FROM doc
            WHERE d->'seniority' = (SELECT jsonb_agg(jsonb_build_object(
                                        'level', s.level, 'position', s.position, 'years', s.years,
                                        'multiplier', s.multiplier, 'score', s.score, 'label', s.label,
                                        'labelScheme', 'resilience6') ORDER BY s.position)
                                      FROM airesilience.seniority_report s WHERE s.onet_code = doc.onet_code)),
          15::bigint, 'seniority equals seniority_report''s rows');
SELECT is((SELECT count(*) FROM doc
            WHERE d->'composite' = (SELECT jsonb_object_agg(c.preset, jsonb_build_object(
                                        'score', c.score, 'label', c.label, 'coverage', c.coverage,
                                        'labelScheme', p.label_scheme,
                                        'labelMeaning', (SELECT b.meaning FROM airesilience.label_band b
                                                          WHERE b.scheme = p.label_scheme AND b.label = c.label),
                                        'signalsUsed', c.signals_used, 'signalsMissing', to_jsonb(c.signals_missing),
                                        'breakdown', c.breakdown))
                                      FROM airesilience.composite_report c
                                      JOIN airesilience.composite_preset p USING (preset)
                                     WHERE c.onet_code = doc.onet_code)),
          15::bigint, 'composite equals composite_report''s rows');
SELECT is((SELECT count(*) FROM doc JOIN airesilience.potential_adoption_report p USING (onet_code)
                                    JOIN airesilience.rater_agreement_report a USING (onet_code)
            WHERE pg_temp.num(d->'potentialAdoption'->'potential') = p.potential
              AND (d->'potentialAdoption'->>'evidenceCount')::bigint = p.evidence_count
              AND (d->'raters'->>'tasksRated')::bigint = a.tasks_rated
              AND (d->'raters'->>'tasksDisagreeing')::bigint = a.tasks_disagreeing
              AND pg_temp.num(d->'raters'->'disagreementShare') = a.disagreement_share),
          15::bigint, 'potentialAdoption and raters equal their views');

------------------------------------------------------------------------------
-- Settings do not change the document; the label scheme does, as in the views
------------------------------------------------------------------------------

SELECT is(airesilience.occupation_document('29-2072.00')::text, airesilience.occupation_document('29-2072.00')::text,
          'two calls give the same document');
SELECT is((SELECT d::text FROM mrs), airesilience.occupation_document('29-2072.00')::text,
          'the same document as at the start of the test');
SET extra_float_digits = 3;
SET TimeZone = 'Pacific/Auckland';
SET DateStyle = 'SQL, DMY';
SELECT is(airesilience.occupation_document('29-2072.00')::text, (SELECT d::text FROM mrs),
          'extra_float_digits, TimeZone and DateStyle do not change the document');
RESET extra_float_digits;
RESET TimeZone;
RESET DateStyle;
SET airesilience.label_scheme = 'change3';
SELECT is(airesilience.occupation_document('29-2072.00')->'aiResilience'->>'label', 'Changing Fast',
          'the label follows airesilience.label_scheme (change3: 25.59 is not above 35)');
SELECT is(airesilience.occupation_document('29-2072.00')->'seniority'->3->>'label', 'Changing Fast',
          'so do the seniority labels');
RESET airesilience.label_scheme;

------------------------------------------------------------------------------
-- Unknown, NULL and malformed codes
------------------------------------------------------------------------------

SELECT is(airesilience.occupation_document(NULL), NULL, 'NULL code -> NULL');
SELECT is(airesilience.occupation_document('99-9999.99'), NULL, 'unknown code -> NULL');
SELECT is((SELECT count(*) FROM unnest(ARRAY['', 'abc', '29-2072', '29-2072.0', ' 29-2072.00', '29-2072.00 ',
                                             E'29-2072.00\n', '29_2072.00', '%', '29-2072.%', repeat('9', 100000)]) c
            WHERE airesilience.occupation_document(c) IS NULL),
          11::bigint, 'malformed codes -> NULL, without error');
SELECT is(airesilience.occupation_explanation(NULL), NULL, 'explanation of a NULL code -> NULL');
SELECT is(airesilience.occupation_explanation('abc'), NULL, 'explanation of a malformed code -> NULL');

------------------------------------------------------------------------------
-- Occupations without tasks, sources, statistics or a seniority curve
------------------------------------------------------------------------------
--
-- 99-0001.00: nothing but its row.  99-0002.00: one task rated 100 and one
-- unrated: the task model (0) is its single source -> 0, Vulnerable.
-- 99-0003.00: two tasks rated 50, frey_osborne 0.5 -> scores 50 and 50,
-- median 50 (Somewhat Resilient: not above 50), iqr 0, 2 sources ->
-- Medium; a flat curve (multiplier 1) -> 50 at every level.
INSERT INTO airesilience.category (category, title) VALUES ('fixture', 'Fixture'), ('fixture_flat', 'Fixture, flat');
INSERT INTO airesilience.seniority_curve (category, years, multipliers) VALUES ('fixture_flat', '{0}', '{1}');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('99-0001.00', 'Fixture Occupations', 'fixture'),
    ('99-0002.00', 'Fixture Analysts', 'fixture'),
    ('99-0003.00', 'Fixture Clerks', 'fixture_flat');
INSERT INTO airesilience.task (onet_code, task_id, description) VALUES
    ('99-0002.00', 1, 'Draft the fixture reports.'),
    ('99-0002.00', 2, 'File the fixture reports.'),
    ('99-0003.00', 1, 'Sort the fixtures.'),
    ('99-0003.00', 2, 'Count the fixtures.');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('99-0002.00', 1, 'gpt4', 100),
    ('99-0003.00', 1, 'gpt4', 50),
    ('99-0003.00', 2, 'human', 50);
INSERT INTO airesilience.source_value (onet_code, source, raw_value) VALUES ('99-0003.00', 'frey_osborne', 0.5);

SELECT is(airesilience.occupation_document('99-0001.00')
              - ARRAY['code', 'name', 'nameShort', 'slug', 'url', 'airm', 'socCode', 'category', 'composite', 'labelSchemes'],
          '{"level": null, "description": null, "lastUpdated": null,
            "aiResilience": {"score": null, "label": null, "confidence": "Low", "labelScheme": "resilience6", "labelMeaning": null,
                             "explanation": "There is no score for Fixture Occupations yet: no source rates it. It has no tasks on record."},
            "headline": {"score": null, "scale": "0-100, higher = more resilient to AI",
                         "basis": "median of the source scores (consensus)", "label": null, "labelScheme": "resilience6",
                         "labelMeaning": null, "confidence": "Low", "sourceCount": 0},
            "tasks": [], "taskModel": {"resilience": null, "weightBasis": null, "taskCount": 0, "ratedTaskCount": 0},
            "sources": [],
            "consensus": {"median": null, "n": 0, "q1": null, "q3": null, "iqr": null, "min": null, "max": null, "confidence": "Low"},
            "bls": null, "seniority": [], "related": {"overall": [], "category": []},
            "potentialAdoption": {"potential": null, "adoption": null, "evidenceCount": 0, "evidence": []},
            "raters": {"tasksRated": 0, "tasksDisagreeing": 0, "disagreementShare": null},
            "exposureVectors": []}'::jsonb,
          'an occupation with no data: null and empty blocks, every key present');
SELECT is(airesilience.occupation_document('99-0001.00')->'composite'->'careervillage',
          '{"score": null, "label": null, "labelScheme": "resilience6", "labelMeaning": null, "coverage": 0, "signalsUsed": 0,
            "signalsMissing": ["economic_opportunity", "employer_demand", "human_contribution"],
            "breakdown": {"employer_demand": {"value": null, "points": null, "weight": 0.3, "flipped": false},
                          "human_contribution": {"value": null, "points": null, "weight": 0.4, "flipped": false},
                          "economic_opportunity": {"value": null, "points": null, "weight": 0.3, "flipped": false}}}'::jsonb,
          'its composite has no score and names the missing signals');
SELECT is(airesilience.occupation_explanation('99-0002.00'),
          'The score of Fixture Analysts is 0 out of 100 (Vulnerable), from a single source, so confidence is Low. '
          'Its only rated task is "Draft the fixture reports" (resilience 0). '
          'Its category has no seniority curve, so no seniority adjustment is given.',
          'one source, one rated task of two, no curve');
SELECT is(airesilience.occupation_explanation('99-0003.00'),
          'The score of Fixture Clerks is 50 out of 100 (Somewhat Resilient), the median of 2 sources, '
          'which agree closely (interquartile range 0 points): confidence is Medium. '
          'All 2 of its rated tasks have a resilience of 50. '
          'Seniority does not change it: 50 at entry and at lead level.',
          'two agreeing sources, equal tasks, a flat curve');

------------------------------------------------------------------------------
-- Related occupations and exposure vectors, on hand-made skills and activities
------------------------------------------------------------------------------
--
-- Skill importances (S1, S2): Medical Records Specialists (1, 1); Licensed
-- Practical Nurses 29-2061.00 (1, 2) and Medical Assistants 31-9092.00
-- (2, 1), both healthcare; Electricians (3, 3).  Cosines with (1, 1):
-- Electricians 6 / (sqrt 2 x sqrt 18) = 1; the two healthcare ones
-- 3 / (sqrt 2 x sqrt 5) = 0.9486833, a tie broken by code (29-... first).
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance) VALUES
    ('29-2072.00', '2.A.1.a', 'S1', 1), ('29-2072.00', '2.A.1.b', 'S2', 1),
    ('29-2061.00', '2.A.1.a', 'S1', 1), ('29-2061.00', '2.A.1.b', 'S2', 2),
    ('31-9092.00', '2.A.1.a', 'S1', 2), ('31-9092.00', '2.A.1.b', 'S2', 1),
    ('47-2111.00', '2.A.1.a', 'S1', 3), ('47-2111.00', '2.A.1.b', 'S2', 3);
SELECT is((SELECT array_agg(r->>'rank' || ' ' || (r->>'code') || ' ' || round(pg_temp.num(r->'similarity')::numeric, 7) ORDER BY o)
             FROM jsonb_array_elements(airesilience.occupation_document('29-2072.00')->'related'->'overall') WITH ORDINALITY x (r, o)),
          '{"1 47-2111.00 1.0000000","2 29-2061.00 0.9486833","3 31-9092.00 0.9486833"}',
          'related overall: Electricians (1), then the tie by code');
SELECT is((SELECT array_agg(r->>'code' || ' ' || (r->>'name') ORDER BY (r->>'rank')::int)
             FROM jsonb_array_elements(airesilience.occupation_document('29-2072.00')->'related'->'category') r),
          '{"29-2061.00 Licensed Practical and Licensed Vocational Nurses","31-9092.00 Medical Assistants"}',
          'related in the category: the two healthcare occupations, with their names');
SELECT is((SELECT count(*) FROM airesilience.skill_vector v
            WHERE airesilience.occupation_document(v.onet_code)->'related' =
                  jsonb_build_object(
                      'overall', coalesce((SELECT jsonb_agg(jsonb_build_object('rank', r.rank, 'code', r.related_code, 'name', r.title,
                                                                               'similarity', r.similarity, 'basis', r.basis) ORDER BY r.rank)
                                             FROM airesilience.related_report r WHERE r.onet_code = v.onet_code AND r.scope = 'overall'), '[]'),
                      'category', coalesce((SELECT jsonb_agg(jsonb_build_object('rank', r.rank, 'code', r.related_code, 'name', r.title,
                                                                                'similarity', r.similarity, 'basis', r.basis) ORDER BY r.rank)
                                              FROM airesilience.related_report r WHERE r.onet_code = v.onet_code AND r.scope = 'category'), '[]'))),
          4::bigint, 'related equals related_report for the four occupations with a vector');

-- Activities of Medical Records Specialists: 22877 (exposure 100) and
-- 22881 (exposure 25) work with computers (workflow automation; 22877
-- twice, counted once); 22893 (exposure 100) documents (content
-- generation).  Equal weights over 17 tasks: workflow (100 + 25) / 2 =
-- 62.5, share 2/17, 2 tasks; content 100, share 1/17, 1 task.
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title) VALUES
    ('d_comp1', 'enter data', 'i1', 'i', '4.A.3.b.1', 'Working with Computers'),
    ('d_comp2', 'run software', 'i1', 'i', '4.A.3.b.1', 'Working with Computers'),
    ('d_doc', 'write reports', 'i2', 'i', '4.A.3.b.6', 'Documenting/Recording Information');
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id) VALUES
    ('29-2072.00', 22877, 'd_comp1'), ('29-2072.00', 22877, 'd_comp2'),
    ('29-2072.00', 22881, 'd_comp1'), ('29-2072.00', 22893, 'd_doc');
SELECT is((SELECT array_agg(v->>'vector' || ' ' || coalesce(v->>'score', '-') || ' ' || round(pg_temp.num(v->'taskShare')::numeric, 9)
                            || ' ' || (v->>'tasks') ORDER BY o)
             FROM jsonb_array_elements(airesilience.occupation_document('29-2072.00')->'exposureVectors') WITH ORDINALITY x (v, o)),
          ARRAY['workflow_automation 62.5 ' || round(2 / 17.0, 9) || ' 2', 'content_generation 100 ' || round(1 / 17.0, 9) || ' 1',
                'analysis - 0.000000000 0', 'physical_automation - 0.000000000 0'],
          'exposure vectors: workflow 62.5 (2/17, 2 tasks), content 100 (1/17, 1 task)');
SELECT is((SELECT count(*) FROM doc
            WHERE airesilience.occupation_document(doc.onet_code)->'exposureVectors' =
                  coalesce((SELECT jsonb_agg(jsonb_build_object('vector', v.vector, 'score', v.score, 'taskShare', v.task_share,
                                                                'tasks', v.tasks) ORDER BY x.position)
                              FROM airesilience.exposure_vector_report v JOIN airesilience.exposure_vector x USING (vector)
                             WHERE v.onet_code = doc.onet_code), '[]')),
          15::bigint, 'exposure vectors equal exposure_vector_report''s rows');

------------------------------------------------------------------------------
-- One occupation's rows only
------------------------------------------------------------------------------

-- The document of 29-2072.00 reads the same rows, table by table, before
-- and after 100 occupations with tasks, ratings, source values, BLS figures
-- and activities are added: it reads no other occupation's rows.  Their
-- codes (10-...) sort before every sample code, so that a scan cut short
-- by a first match still meets them.  Both calls plan their statements
-- afresh (DISCARD PLANS), with sequential scans disabled so that the small
-- tables of the sample do not invite them.
CREATE FUNCTION pg_temp.rows_read() RETURNS TABLE (relname name, rows_read bigint)
LANGUAGE sql AS $$
    SELECT relname, seq_tup_read + coalesce(idx_tup_fetch, 0)
      FROM pg_stat_xact_user_tables WHERE schemaname = 'airesilience'
$$;
CREATE FUNCTION pg_temp.rows_read_by_document(code text) RETURNS TABLE (relname name, rows_read bigint)
LANGUAGE plpgsql AS $$
BEGIN
    DISCARD PLANS;
    CREATE TEMP TABLE read_before ON COMMIT DROP AS SELECT * FROM pg_temp.rows_read();
    PERFORM airesilience.occupation_document(code);
    RETURN QUERY
    SELECT a.relname, a.rows_read - coalesce(b.rows_read, 0)
      FROM pg_temp.rows_read() a LEFT JOIN read_before b USING (relname)
     WHERE a.rows_read - coalesce(b.rows_read, 0) > 0;
    DROP TABLE read_before;
END
$$;
SET enable_seqscan = off;
CREATE TEMP TABLE read_small AS SELECT * FROM pg_temp.rows_read_by_document('29-2072.00');

INSERT INTO airesilience.category (category, title) VALUES ('filler', 'Filler');
INSERT INTO airesilience.occupation (onet_code, title, category)
SELECT format('10-%s.00', 1000 + i), format('Filler %s', i), 'filler' FROM generate_series(1, 100) i;
INSERT INTO airesilience.task (onet_code, task_id, description, task_type)
SELECT format('10-%s.00', 1000 + i), t, format('Filler task %s', t), 'core' FROM generate_series(1, 100) i, generate_series(1, 5) t;
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure)
SELECT onet_code, task_id, r, 50 FROM airesilience.task, unnest(ARRAY['gpt4', 'human']) r WHERE onet_code LIKE '10-%';
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id)
SELECT onet_code, task_id, 'd_comp1' FROM airesilience.task WHERE onet_code LIKE '10-%';
INSERT INTO airesilience.source_value (onet_code, source, raw_value)
SELECT onet_code, s, 0.5 FROM airesilience.occupation, unnest(ARRAY['working_with_ai', 'frey_osborne']) s
 WHERE onet_code LIKE '10-%';
INSERT INTO airesilience.labor_stats (soc_code, median_wage, employment, employment_projected, annual_openings, growth_pct)
SELECT soc_code, 50000, 1000, 1100, 100, 10 FROM airesilience.occupation WHERE onet_code LIKE '10-%';

SELECT is((SELECT count(*) FROM pg_temp.rows_read_by_document('29-2072.00') big
             FULL JOIN read_small small USING (relname)
            WHERE big.rows_read IS DISTINCT FROM small.rows_read),
          0::bigint, 'the document reads the same rows of every table with 100 more occupations');
SELECT ok((SELECT sum(rows_read) FROM read_small WHERE relname IN ('task', 'task_rating')) > 0,
          'and it did read its own tasks and ratings');
RESET enable_seqscan;

-- The view builds only the documents asked for.
SET track_functions = 'pl';
CREATE TEMP TABLE calls_before AS
SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_xact_user_functions
 WHERE schemaname = 'airesilience' AND funcname = 'occupation_document';
SELECT is((SELECT document FROM airesilience.occupation_document WHERE onet_code = '29-2061.00'),
          airesilience.occupation_document('29-2061.00'), 'the view gives the function''s document');
SELECT is((SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
            WHERE schemaname = 'airesilience' AND funcname = 'occupation_document') - (SELECT calls FROM calls_before),
          2::numeric, 'the view with WHERE onet_code = ... built one document (plus the direct call)');
SELECT is((SELECT count(*) FROM airesilience.occupation_document), (SELECT count(*) FROM airesilience.occupation),
          'the view has a row per occupation');

------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------

SELECT is(airesilience.occupation_slug('Heating, Air Conditioning, and Refrigeration Mechanics and Installers'),
          'heating-air-conditioning-and-refrigeration-mechanics-and-installers', 'slug: punctuation and spaces -> one hyphen');
SELECT is(airesilience.occupation_slug('  Chief Executives (CEO) -- '), 'chief-executives-ceo', 'slug: no hyphen at either end');
SELECT is(airesilience.occupation_short_name('Elementary School Teachers, Except Special Education'),
          'Elementary School Teachers', 'short name: without the ", Except ..." qualifier (26 characters)');
SELECT is(airesilience.occupation_short_name('Sales Representatives, All Other'), 'Sales Representatives',
          'short name: without ", All Other"');
SELECT is(airesilience.occupation_short_name('Computer Systems Analysts'), 'Computer Systems Analysts',
          'short name: 25 characters, unchanged');
SELECT is(airesilience.occupation_short_name('Bookkeeping, Accounting, and Auditing Clerks'),
          'Bookkeeping, Accounting, and Auditing Cler.', 'short name: other commas stay, last word cut');
SELECT is(airesilience.occupation_short_name('Heating, Air Conditioning, and Refrigeration Mechanics and HVAC'),
          'Heating, Air Conditioning, and Refrigeration Mechanics and HVAC',
          'short name: a last word of four letters or fewer stays');
SELECT is(ARRAY[airesilience.explanation_number(21.75), airesilience.explanation_number(75),
                airesilience.explanation_number(0.04), airesilience.explanation_number(39.36726072487566)],
          '{21.8,75,0,39.4}', 'numbers: one decimal, half away from zero, no trailing .0');

-- The published document: NULL before the first snapshot.
SELECT is(airesilience.published_document('29-2072.00'), NULL, 'no snapshot yet: nothing published');

-- lastUpdated is the time of the newest snapshot.
SELECT ok(airesilience.take_snapshot('for lastUpdated') > 0, 'a snapshot is taken');
SELECT is(airesilience.data_updated_at(), (SELECT max(taken_at) FROM airesilience.snapshot),
          'after take_snapshot, data_updated_at() is the newest snapshot''s time');

-- The published document is the live one as of the snapshot, stamped with
-- the snapshot's time, for every occupation.
SELECT is((SELECT count(*) FROM airesilience.occupation o
            WHERE airesilience.published_document(o.onet_code) - 'lastUpdated'
                  IS DISTINCT FROM airesilience.occupation_document(o.onet_code) - 'lastUpdated'),
          0::bigint, 'published = live document (but lastUpdated) for all 15 occupations');
SELECT is(airesilience.published_document('29-2072.00')->>'lastUpdated',
          (SELECT to_char(max(taken_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM airesilience.snapshot),
          'lastUpdated of a published document is its snapshot''s time in UTC');
SELECT is(ARRAY[airesilience.published_document('99-9999.99'), airesilience.published_document(NULL),
                airesilience.published_document('garbage')],
          ARRAY[NULL, NULL, NULL]::jsonb[], 'unknown, NULL or malformed code: NULL');

-- A change in the data shows in the live document at once and in the
-- published one after the next snapshot.  Frey & Osborne 0.91 -> 0.25:
-- MRS's source scores {9, 10, 41.18, 72.94} become {10, 41.18, 72.94, 75},
-- median (41.18 + 72.94) / 2 = (700/17 + 72.94) / 2.
UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne';
SELECT is((airesilience.published_document('29-2072.00')->'aiResilience'->>'score')::float8,
          (10 + 700 / 17.0::float8) / 2 / 100, 'published: still the snapshot''s score 0.2559');
SELECT is(round((airesilience.occupation_document('29-2072.00')->'aiResilience'->>'score')::numeric, 4),
          0.5706, 'live: the new median at once, 57.06 / 100');
SELECT ok(airesilience.take_snapshot('after the change') > 0, 'a second snapshot');
SELECT is(airesilience.published_document('29-2072.00') - 'lastUpdated',
          airesilience.occupation_document('29-2072.00') - 'lastUpdated',
          'published: the new document after the second snapshot');

-- An occupation the newest snapshot lacks is not served from an older one.
DELETE FROM airesilience.occupation WHERE onet_code = '47-2061.00';
SELECT ok(airesilience.take_snapshot('without construction laborers') > 0, 'a third snapshot');
SELECT is(airesilience.published_document('47-2061.00'), NULL,
          'an occupation removed before the newest snapshot is no longer published');
DELETE FROM airesilience.snapshot WHERE snapshot_id = (SELECT max(snapshot_id) FROM airesilience.snapshot);
SELECT is(airesilience.published_document('47-2061.00')->>'code', '47-2061.00',
          'deleting the newest snapshot publishes the previous one again');
SELECT throws_ok($$UPDATE airesilience.snapshot_document SET document = '{}'$$, '23001', NULL,
                 'published documents cannot be edited');

-- lastUpdated: data_updated_at() written in UTC, whatever the session's
-- time zone (the function is replaced inside this transaction only).
CREATE OR REPLACE FUNCTION airesilience.data_updated_at() RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT '2025-09-04 14:30:05+02'::timestamptz $$;
SET TimeZone = 'America/New_York';
SELECT is(airesilience.occupation_document('29-2072.00')->>'lastUpdated', '2025-09-04T12:30:05Z',
          'lastUpdated is data_updated_at() in UTC, ISO 8601');
RESET TimeZone;

SELECT * FROM finish();
ROLLBACK;
