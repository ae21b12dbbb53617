-- Results that must hold after loading the public datasets (issue 3), in a
-- database where test/public/run.sh has run scripts/load-public.sh.  The
-- expected figures were read off the files by hand (grep, awk); each block
-- says where they come from.
SET client_min_messages = warning;
SET extra_float_digits = 0;
BEGIN;
SELECT plan(100);

-- The report covers every O*NET occupation with tasks, each with a consensus.
SELECT is((SELECT count(DISTINCT onet_code) FROM airesilience.task), 923::bigint,
          'tasks of 923 O*NET 29.3 occupations are loaded');
SELECT is((SELECT count(*) FROM airesilience.occupation_report r
            WHERE EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = r.onet_code)),
          923::bigint, 'occupation_report has a row for every occupation with tasks');
SELECT is((SELECT count(*) FROM airesilience.occupation_report
            WHERE task_count > 0 AND (source_count < 1 OR source_median IS NULL OR dispersion IS NULL)),
          0::bigint, 'each of them has source_count, source_median and dispersion');
SELECT is((SELECT count(*) FROM airesilience.occupation), 1016::bigint,
          'all 1016 occupations of "onet/Occupation Data.txt" are loaded');
SELECT is((SELECT count(*) FROM airesilience.occupation WHERE category IS NULL), 0::bigint,
          'every occupation has a category');

-- Medical Records Specialists, 29-2072.00: the facts of data README §10.
SELECT is((SELECT count(*) FROM airesilience.task WHERE onet_code = '29-2072.00'), 17::bigint,
          '29-2072.00: 17 tasks');
SELECT is((SELECT array_agg(task_id ORDER BY task_id) FROM airesilience.task WHERE onet_code = '29-2072.00'),
          (SELECT array_agg(i) FROM generate_series(22877, 22893) i),
          '29-2072.00: task IDs 22877-22893');
SELECT is((SELECT count(importance) + count(relevance) FROM airesilience.task
            WHERE onet_code = '29-2072.00'), 0::bigint,
          '29-2072.00: no task has ratings');
-- Task types from the predecessor 29-2071.00 in O*NET 20.1
-- (anthropic-economic-index/onet_task_statements.csv, grep of the 17 task
-- texts): 14 tasks have the same text there, 3 of them Core (IDs 530, 15246,
-- 532 there); "Maintain or operate ...", "Scan ..." and "Schedule ..." do not.
SELECT is((SELECT array_agg(task_id || ':' || coalesce(task_type, '-') || ':' || coalesce(task_type_source, '-') ORDER BY task_id)
             FROM airesilience.task WHERE onet_code = '29-2072.00'),
          '{22877:supplemental:predecessor,22878:supplemental:predecessor,22879:supplemental:predecessor,22880:supplemental:predecessor,22881:supplemental:predecessor,22882:-:-,22883:supplemental:predecessor,22884:supplemental:predecessor,22885:supplemental:predecessor,22886:core:predecessor,22887:supplemental:predecessor,22888:supplemental:predecessor,22889:core:predecessor,22890:core:predecessor,22891:-:-,22892:-:-,22893:supplemental:predecessor}'::text[],
          '29-2072.00: 14 task types from its predecessor, 3 core, with their provenance');
SELECT is((SELECT array_agg(DISTINCT weight_basis) FROM airesilience.task_report WHERE onet_code = '29-2072.00'),
          '{task_type}'::text[], '29-2072.00: task_report.weight_basis is task_type');
SELECT is((SELECT weight_basis FROM airesilience.occupation_report WHERE onet_code = '29-2072.00'), 'task_type',
          '29-2072.00: occupation_report.weight_basis is task_type');
SELECT is((SELECT row(median_wage, employment, employment_projected, annual_openings,
                      growth_pct, entry_education)::text
             FROM airesilience.occupation_report WHERE onet_code = '29-2072.00'),
          row(50250.00, 194800, 208600, 14200, 7.1, 'Postsecondary nondegree award')::text,
          '29-2072.00: BLS wage 50,250, employment 194,800, projected 208,600, openings 14,200, growth 7.1 %');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-2072.00' AND source = 'digital_exposure'),
          9::float8, '29-2072.00: karpathy digital exposure 9');
-- Its score: 100 - the mid-rank percentile of 9 among the 694 values,
-- counted here: 100 x (values below + (values equal - 1) / 2) / 693.
SELECT ok(abs((SELECT score FROM airesilience.source_report WHERE onet_code = '29-2072.00' AND source = 'digital_exposure')
              - (100 - 100 * ((SELECT count(*) FROM airesilience.source_value WHERE source = 'digital_exposure' AND raw_value < 9)
                              + ((SELECT count(*) FROM airesilience.source_value WHERE source = 'digital_exposure' AND raw_value = 9) - 1) / 2.0)
                             / ((SELECT count(*) FROM airesilience.source_value WHERE source = 'digital_exposure') - 1))) < 1e-9,
          '29-2072.00: ... scored 100 - its mid-rank percentile among the 694 values (3.97)');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'),
          0.91::float8, '29-2072.00: Frey & Osborne 0.91 (SOC 2010 29-2071)');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-2072.00' AND source = 'working_with_ai'),
          0.27060368865203227::float8, '29-2072.00: Microsoft AI applicability 0.27060368865203227');
-- 17 tasks, two raters each (full_labelset.tsv): task exposures 22877 100,
-- 22878 50, 22879 50, 22880 75, 22881 25, 22882 50, 22883 50, 22884 75,
-- 22885 50, 22886 50, 22887 75, 22888 25, 22889 75, 22890 50, 22891 50,
-- 22892 50, 22893 100; core 22886, 22889, 22890 weigh 2, the others 1:
-- exposure (825 + 2 x 175) / 20 = 58.75, resilience 41.25.
SELECT ok(abs((SELECT task_resilience FROM airesilience.occupation_report WHERE onet_code = '29-2072.00')
              - (100 - 1175.0 / 20)) < 1e-9, '29-2072.00: task resilience 100 - 1175/20 = 41.25');
SELECT ok((SELECT source_median <= 22 FROM airesilience.occupation_report WHERE onet_code = '29-2072.00'),
          '29-2072.00: the headline lies in the two lowest resilience6 labels (22 or less: Vulnerable)');
SELECT ok((SELECT source_median > 65 FROM airesilience.occupation_report WHERE onet_code = '47-2111.00'),
          '47-2111.00 Electricians: the headline lies in the two top resilience6 labels (above 65)');
SELECT is((SELECT source_count FROM airesilience.occupation_report WHERE onet_code = '29-2072.00'), 4::bigint,
          '29-2072.00: 4 sources');
SELECT is((SELECT row(title, category, job_zone)::text FROM airesilience.occupation WHERE onet_code = '29-2072.00'),
          row('Medical Records Specialists', 'healthcare', 3)::text, '29-2072.00: title, category healthcare, job zone 3');
SELECT is((SELECT array_agg(related_code || ' ' || tier ORDER BY rank) FILTER (WHERE rank <= 2)
             FROM airesilience.related_occupation WHERE onet_code = '29-2072.00'),
          '{"31-9094.00 primary-short","29-9021.00 primary-short"}'::text[],
          '29-2072.00: related occupations 1 and 2');
SELECT is((SELECT count(*) FROM airesilience.related_occupation WHERE onet_code = '29-2072.00'), 20::bigint,
          '29-2072.00: 20 related occupations');
SELECT is((SELECT count(*) FROM airesilience.occupation_skill WHERE onet_code = '29-2072.00'), 0::bigint,
          '29-2072.00: no skills');
SELECT is((SELECT count(*) FROM airesilience.task_activity WHERE onet_code = '29-2072.00'), 21::bigint,
          '29-2072.00: 21 task-to-DWA links');
SELECT is((SELECT count(*) FROM airesilience.task_usage WHERE onet_code = '29-2072.00' AND dataset = 'anthropic_2025_02_10'),
          9::bigint, '29-2072.00: 9 tasks matched by the Anthropic Economic Index');
SELECT is((SELECT share_pct FROM airesilience.task_usage u JOIN airesilience.task t USING (onet_code, task_id)
            WHERE onet_code = '29-2072.00' AND t.description = 'Transcribe medical reports.'),
          0.006253990176023765::float8, '29-2072.00: "transcribe medical reports." 0.006253990176023765 %');

-- Task ratings: the control values of data README §10.
SELECT is((SELECT row(importance, relevance, frequency, task_type)::text FROM airesilience.task
            WHERE onet_code = '11-1011.00' AND task_id = 8823),
          row(4.52::float8, 74.44::float8, 0.6123153846153846::float8, 'core')::text,
          '11-1011.00 task 8823: importance 4.52, relevance 74.44, frequency 0.6123153846153846, core');
SELECT is((SELECT row(importance, relevance, frequency)::text FROM airesilience.task
            WHERE onet_code = '29-2081.00' AND task_id = 4201),
          row(4.96::float8, 100::float8, 5.458500000000001::float8)::text,
          '29-2081.00 task 4201: importance 4.96, relevance 100, frequency 5.458500000000001');
SELECT is((SELECT count(*) FROM airesilience.task WHERE importance IS NOT NULL), 17639::bigint,
          '17639 tasks have ratings');
-- 879 occupations have rated tasks; in 61 of them some tasks are unrated
-- (analyst-written), so they fall back to core/supplemental weights; the
-- 44 occupations whose tasks are all analyst-written weigh equally.
SELECT is((SELECT array_agg(weight_basis || '=' || n ORDER BY weight_basis)
             FROM (SELECT weight_basis, count(*) AS n FROM airesilience.occupation_report
                    WHERE task_count > 0 GROUP BY weight_basis) b),
          '{equal=21,ratings=818,task_type=84}'::text[],
          'weight basis: ratings 818, task_type 84 (some tasks unrated), equal 21 (no task rated or typed); 23 of 0.1.0''s 44 equal ones typed from their predecessor (counted with a script over the files)');
-- 401 tasks in 32 occupations take a type from their predecessor (counted
-- over the files: untyped 29.3 tasks, O*NET's 2010 -> 2019 crosswalk, the
-- same trimmed text under a predecessor code of O*NET 20.1 with a type).
SELECT is((SELECT count(*) || '/' || count(DISTINCT onet_code) FROM airesilience.task WHERE task_type_source = 'predecessor'),
          '401/32', '401 task types in 32 occupations from the predecessor');
SELECT is((SELECT count(*) FROM airesilience.task WHERE task_type IS NULL), 756::bigint,
          'untyped tasks: 1,157 - 401 = 756');

-- Software Developers, 15-1252.00, checked by hand:
--   onet/Task Statements.txt: 19 tasks, all Domain Source "Analyst", no type -> weights equal;
--   onet/Job Zones.txt: 4;
--   gpts-are-gpts/full_labelset.tsv: GPT-4 15 E1, 3 E2, 1 E0 (1650); humans 1 E1, 15 E2, 3 E0 (850)
--     -> mean exposure 2500 / 38, task resilience 100 - 2500/38 = 34.21;
--   working-with-ai: 0.2838686405582842 -> 71.61;
--   bls-ooh: multi-SOC profile "software-developers" (no soc_code; through the NEM
--     crosswalk), category computer-and-information-technology, scores.json exposure 9 -> 10;
--   frey-osborne: 15-1132 (0.042) and 15-1133 (0.13) both become 15-1252 -> mean 0.086 -> 91.4;
--   median of {10, 34.21, 71.61, 91.4} = (34.21 + 71.61) / 2;
--   bls-projections: 15-1252 line item 1693.8, 1961.4, 15.8 %, 115.2, 133080, Bachelor's degree, None.
SELECT is((SELECT row(task_count, weight_basis, category)::text FROM airesilience.occupation_report
            WHERE onet_code = '15-1252.00'),
          row(19, 'task_type', 'computer-and-information-technology')::text,
          '15-1252.00: 19 tasks, weights by the types of its predecessors 15-1132.00 and 15-1133.00, computer-and-information-technology');
SELECT is((SELECT job_zone FROM airesilience.occupation WHERE onet_code = '15-1252.00'), 4::smallint,
          '15-1252.00: job zone 4');
SELECT ok(abs((SELECT task_resilience FROM airesilience.occupation_report WHERE onet_code = '15-1252.00')
              - (SELECT sum(w * (100 - e)) / sum(w)
                   FROM (SELECT CASE WHEN t.task_type = 'core' THEN 2 ELSE 1 END AS w,
                                (SELECT avg(exposure) FROM airesilience.task_rating r
                                  WHERE r.onet_code = t.onet_code AND r.task_id = t.task_id) AS e
                           FROM airesilience.task t WHERE t.onet_code = '15-1252.00') x)) < 1e-9,
          '15-1252.00: task resilience = sum(w (100 - exposure)) / sum(w), core 2, others 1');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '15-1252.00' AND source = 'working_with_ai'),
          0.2838686405582842::float8, '15-1252.00: working_with_ai 0.2838686405582842');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '15-1252.00' AND source = 'digital_exposure'),
          9::float8, '15-1252.00: digital_exposure 9, through the NEM crosswalk');
SELECT ok(abs((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '15-1252.00' AND source = 'frey_osborne')
              - 0.086) < 1e-12, '15-1252.00: frey_osborne 0.086, the mean of its two SOC 2010 predecessors');
SELECT is((SELECT source_count FROM airesilience.occupation_report WHERE onet_code = '15-1252.00'), 4::bigint,
          '15-1252.00: 4 sources (its median is checked with every other below)');
SELECT is((SELECT row(median_wage, employment, employment_projected, annual_openings, growth_pct,
                      entry_education, work_experience)::text
             FROM airesilience.occupation_report WHERE onet_code = '15-1252.00'),
          row(133080.00, 1693800, 1961400, 115200, 15.8, 'Bachelor''s degree', 'None')::text,
          '15-1252.00: BLS projections');

-- Registered Nurses, 29-1141.00, checked by hand:
--   onet/Task Statements.txt: 27 tasks, 15 Core and 12 Supplemental, all rated -> weights from ratings;
--   bls-ooh: profile "registered-nurses" with soc_code 29-1141, exposure 4 -> 60;
--   working-with-ai: 0.12178488798791938 -> 87.82;
--   frey-osborne: F&O list nurses under 29-1111 "Registered nurses", the code before
--     SOC 2010, which the crosswalk does not have; the crosswalk's 2018 title of
--     29-1141 is "Registered Nurses", so the title rule carries 0.009 to it;
--   so 4 sources;
--   bls-projections: 3391, 3557.1, 4.9 %, 189.1, 93600.
SELECT is((SELECT row(task_count, weight_basis, category, source_count)::text FROM airesilience.occupation_report
            WHERE onet_code = '29-1141.00'),
          row(27, 'ratings', 'healthcare', 4)::text, '29-1141.00: 27 tasks weighed by ratings, healthcare, 4 sources');
SELECT is((SELECT count(*) FILTER (WHERE task_type = 'core') || '/' || count(*) FILTER (WHERE task_type = 'supplemental')
             FROM airesilience.task WHERE onet_code = '29-1141.00'), '15/12', '29-1141.00: 15 core, 12 supplemental tasks');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-1141.00' AND source = 'digital_exposure'),
          4::float8, '29-1141.00: digital_exposure 4');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-1141.00' AND source = 'working_with_ai'),
          0.12178488798791938::float8, '29-1141.00: working_with_ai 0.12178488798791938');
SELECT is((SELECT raw_value FROM airesilience.source_value WHERE onet_code = '29-1141.00' AND source = 'frey_osborne'),
          0.009::float8, '29-1141.00: Frey & Osborne 0.009 from 29-1111 Registered nurses, by title');
SELECT is((SELECT array_agg(onet_code || '=' || raw_value ORDER BY onet_code) FROM airesilience.source_value
            WHERE source = 'frey_osborne' AND onet_code IN ('29-2072.00', '29-9021.00')),
          '{29-2072.00=0.91,29-9021.00=0.91}'::text[], 'a split: 29-2071 (0.91) gives its value to both successors');
SELECT is((SELECT row(median_wage, employment, employment_projected, annual_openings, growth_pct)::text
             FROM airesilience.occupation_report WHERE onet_code = '29-1141.00'),
          row(93600.00, 3391000, 3557100, 189100, 4.9)::text, '29-1141.00: BLS projections');

-- Chief Executives, 11-1011.00, checked by hand:
--   onet/Task Statements.txt: 31 tasks (20 Core, 11 Supplemental), all rated; Job Zone 5;
--   bls-ooh: multi-SOC profile "top-executives" (through the crosswalk), category management, exposure 6 -> 40;
--   working-with-ai: 0.155502898114603 -> 84.45;  frey-osborne: 11-1011 0.015 -> 98.5;
--   the task model lies between 40 and 84.45, so the median is (task model + 84.45) / 2;
--   bls-projections: 309.4, 322.7, 4.3 %, 22.2, 206420, Bachelor's degree, 5 years or more.
SELECT is((SELECT row(task_count, weight_basis, category, source_count)::text FROM airesilience.occupation_report
            WHERE onet_code = '11-1011.00'),
          row(31, 'ratings', 'management', 4)::text, '11-1011.00: 31 tasks weighed by ratings, management, 4 sources');
SELECT is((SELECT job_zone FROM airesilience.occupation WHERE onet_code = '11-1011.00'), 5::smallint,
          '11-1011.00: job zone 5');
SELECT is((SELECT array_agg(source || '=' || raw_value ORDER BY source) FROM airesilience.source_value
            WHERE onet_code = '11-1011.00'),
          '{digital_exposure=6,frey_osborne=0.015,working_with_ai=0.155502898114603}'::text[],
          '11-1011.00: digital_exposure 6, frey_osborne 0.015, working_with_ai 0.155502898114603');
SELECT is((SELECT source_count FROM airesilience.occupation_report WHERE onet_code = '11-1011.00'), 4::bigint,
          '11-1011.00: 4 sources (its median is checked with every other below)');
SELECT is((SELECT row(median_wage, employment, employment_projected, annual_openings, growth_pct,
                      entry_education, work_experience)::text
             FROM airesilience.occupation_report WHERE onet_code = '11-1011.00'),
          row(206420.00, 309400, 322700, 22200, 4.3, 'Bachelor''s degree', '5 years or more')::text,
          '11-1011.00: BLS projections');
-- The weighted mean written out: weight 2 (core) or 1, times importance x relevance / 100.
SELECT ok(abs((SELECT task_resilience FROM airesilience.occupation_report WHERE onet_code = '11-1011.00')
              - (SELECT sum(w * (100 - e)) / sum(w)
                   FROM (SELECT CASE WHEN t.task_type = 'core' THEN 2 ELSE 1 END * t.importance * t.relevance / 100 AS w,
                                (SELECT avg(exposure) FROM airesilience.task_rating r
                                  WHERE r.onet_code = t.onet_code AND r.task_id = t.task_id) AS e
                           FROM airesilience.task t WHERE t.onet_code = '11-1011.00') x)) < 1e-9,
          '11-1011.00: task resilience = sum(w (100 - exposure)) / sum(w), w = core 2 x importance x relevance / 100');

-- Labor statistics: the BLS conventions.
SELECT is((SELECT count(*) FROM airesilience.labor_stats WHERE median_wage_topcoded), 17::bigint,
          '17 detailed rows publish the top code ">=$239,200"');
SELECT is((SELECT array_agg(DISTINCT median_wage) FROM airesilience.labor_stats WHERE median_wage_topcoded),
          '{239200.00}'::numeric[], '... stored as 239200 with median_wage_topcoded');
SELECT is((SELECT median_wage FROM airesilience.labor_stats WHERE soc_code = '27-2011'), 48526.00,
          'actors: the projections have no wage (—), the OOH profile gives 48526');

-- Categories: OOH slugs, readable titles.
SELECT is((SELECT count(*) FROM airesilience.category), 25::bigint, '25 OOH occupational groups');
SELECT is((SELECT title FROM airesilience.category WHERE category = 'life-physical-and-social-science'),
          'Life, physical, and social science', 'category titles are readable');
SELECT is((SELECT category FROM airesilience.occupation WHERE onet_code = '15-2099.01'), 'math',
          'an occupation no OOH profile covers takes its SOC group''s category (15-2 -> math)');

-- Raters and sources.
SELECT is((SELECT array_agg(rater || ':' || kind ORDER BY rater) FROM airesilience.rater),
          '{gpt4:model,human:human}'::text[], 'raters gpt4 (model) and human (human)');
SELECT is((SELECT array_agg(source || ':' || orientation || ':' || scale_min || '-' || scale_max ORDER BY source)
             FROM airesilience.source WHERE NOT builtin),
          '{digital_exposure:exposure:0-10,frey_osborne:exposure:0-1,working_with_ai:exposure:0-1}'::text[],
          'sources working_with_ai, digital_exposure, frey_osborne: exposure, native scales');

-- Alternate titles (occupation_alias), checked by hand in the files:
--   frey-osborne: 15-1132 "Software developers, applications" and 15-1133
--     "Software developers, systems software"; the crosswalk carries both to
--     15-1252 (and 15-1253); 29-2071 "Medical records and health information
--     technicians" goes to 29-2072 and 29-9021;
--   bls-ooh: "Registered nurses" (soc_code 29-1141), the profile of the four
--     nursing specialties 29-1141.01-.04, whose O*NET titles differ; not an
--     alias of 29-1141.00 "Registered Nurses" itself (the same name).
SELECT is((SELECT array_agg(alias || ' ' || source ORDER BY alias) FROM airesilience.occupation_alias
            WHERE onet_code = '15-1252.00' AND source = 'frey_osborne'),
          '{"Software developers, applications frey_osborne","Software developers, systems software frey_osborne"}'::text[],
          '15-1252.00: its two SOC 2010 titles from Frey & Osborne');
SELECT is((SELECT array_agg(onet_code ORDER BY onet_code) FROM airesilience.occupation_alias
            WHERE alias = 'Medical records and health information technicians'),
          '{29-2072.00,29-9021.00}'::text[], 'the SOC 2010 title of 29-2071 names both of its successors');
SELECT is((SELECT array_agg(onet_code ORDER BY onet_code) FROM airesilience.occupation_alias
            WHERE alias = 'Registered nurses' AND source = 'bls_ooh'),
          '{29-1141.01,29-1141.02,29-1141.03,29-1141.04}'::text[],
          'the OOH title "Registered nurses" names the four specialties, not 29-1141.00');
SELECT is((SELECT count(*) FROM airesilience.occupation_alias a JOIN airesilience.occupation o USING (onet_code)
            WHERE btrim(regexp_replace(lower(a.alias), '[^[:alnum:]]+', ' ', 'g'))
                = btrim(regexp_replace(lower(o.title), '[^[:alnum:]]+', ' ', 'g'))),
          0::bigint, 'no alias repeats its title (ignoring case and punctuation)');

-- Search on the public data: typos and alternate titles find the intended
-- occupation first, through the trigram indexes (no planner hint).
SELECT is((SELECT onet_code FROM airesilience.search_occupations('registered nurse', 1)), '29-1141.00',
          'search "registered nurse": 29-1141.00 first (before the specialties named by the alias)');
SELECT is((SELECT array_agg(onet_code ORDER BY rank) FROM airesilience.search_occupations('registered nurse', 5)),
          (SELECT array_agg(onet_code ORDER BY similarity('registered nurse', title) DESC, onet_code)
             FROM airesilience.occupation WHERE onet_code LIKE '29-1141.%'),
          '... then the four specialties (same score through the alias), by the similarity of their titles');
SELECT is((SELECT count(DISTINCT score) FROM airesilience.search_occupations('registered nurse', 5)), 1::bigint,
          '... all five with the same score');
SELECT is((SELECT onet_code FROM airesilience.search_occupations('sofware developer', 1)), '15-1252.00',
          'search "sofware developer" (typo): 15-1252.00 first');
SELECT is((SELECT onet_code FROM airesilience.search_occupations('medcal recrds', 1)), '29-2072.00',
          'search "medcal recrds" (two typos): 29-2072.00 first');
SELECT is((SELECT row(onet_code, matched)::text FROM airesilience.search_occupations('health information technician', 2)
            WHERE onet_code = '29-2072.00'),
          row('29-2072.00', 'Medical records and health information technicians')::text,
          'search "health information technician" reaches 29-2072.00 through its alias');
SELECT ok(pg_stat_get_xact_numscans('airesilience.occupation_title_trgm_idx'::regclass) > 0
          AND pg_stat_get_xact_numscans('airesilience.occupation_alias_trgm_idx'::regclass) > 0,
          'the searches scanned the trigram indexes of titles and aliases');

-- Seniority: the loader installs a default curve for every category, so
-- every occupation with a headline score has its four seniority rows.
SELECT is((SELECT count(*) FROM airesilience.seniority_curve WHERE description LIKE 'Default curve%'), 25::bigint,
          'a default seniority curve for each of the 25 categories');
SELECT is((SELECT count(*) FROM airesilience.occupation_report r
            WHERE r.source_median IS NOT NULL
              AND (SELECT count(*) FROM airesilience.seniority_report s WHERE s.onet_code = r.onet_code AND s.score IS NOT NULL)
                  <> (SELECT count(*) FROM airesilience.seniority_level)),
          0::bigint, 'seniority_report has a scored row per level for every occupation with a headline score');

-- Adoption evidence for Medical Records Specialists, 29-2072.00, both datasets:
--   anthropic_2025_02_10 (task level): 9 of its 17 tasks have a share above
--     0 (data README §10; grep of onet_task_mappings.csv for the 17 task
--     texts lower-cased finds the 9, smallest 0.0022); observed share: their
--     weight over all 17 (core 2, others 1); value, on potential's footing:
--     the exposure of those 9 under the same weights over the 20 of weight,
--     sum(w x exposure x [used]) / sum(w), worked out below from the rows;
--   working_with_ai_coverage (occupation level): coverage_user 0.6842105263157894
--     (data README §10, soc_metrics.csv line of 29-2072) -> observed 68.42...,
--     the only O*NET occupation of its SOC code; value 68.42 x potential
--     58.75 / 100 = 40.20.
CREATE TEMP TABLE soc_metrics (soc_code text PRIMARY KEY, title text, coverage_user float8, coverage_ai float8,
    completion_user float8, completion_ai float8, feedback_user float8, feedback_ai float8,
    scope_user float8, scope_ai float8, applicability_user float8, applicability_ai float8);
\copy soc_metrics FROM 'working-with-ai/soc_metrics.csv' WITH (FORMAT csv, HEADER true)
SELECT is((SELECT coverage_user FROM soc_metrics WHERE soc_code = '29-2072'), 0.6842105263157894::float8,
          'soc_metrics.csv: coverage_user of 29-2072 is 0.6842105263157894');
SELECT is((SELECT array_agg(e->>'evidence' ORDER BY e->>'evidence')
             FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
            WHERE r.onet_code = '29-2072.00'),
          '{anthropic_2025_02_10,working_with_ai_coverage}'::text[], '29-2072.00: evidence from both datasets');
CREATE TEMP TABLE mrs_task AS
SELECT CASE WHEN t.task_type = 'core' THEN 2 ELSE 1 END AS w,
       (SELECT avg(exposure) FROM airesilience.task_rating r WHERE r.onet_code = t.onet_code AND r.task_id = t.task_id) AS e,
       CASE WHEN EXISTS (SELECT FROM airesilience.task_usage u WHERE u.onet_code = t.onet_code AND u.task_id = t.task_id
                                                                 AND u.share_pct > 0) THEN 1 ELSE 0 END AS used
  FROM airesilience.task t WHERE t.onet_code = '29-2072.00';
SELECT is((SELECT sum(used) || '/' || sum(w) FROM mrs_task), '9/20', '29-2072.00: 9 used tasks, weight 20 in all');
SELECT ok(abs((SELECT (e->>'value')::float8 FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
                WHERE r.onet_code = '29-2072.00' AND e->>'evidence' = 'anthropic_2025_02_10')
              - (SELECT sum(w * e * used) / sum(w) FROM mrs_task)) < 1e-9
          AND abs((SELECT (e->>'observed')::float8 FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
                    WHERE r.onet_code = '29-2072.00' AND e->>'evidence' = 'anthropic_2025_02_10')
                  - (SELECT 100.0 * sum(w * used) / sum(w) FROM mrs_task)) < 1e-9
          AND (SELECT (e->>'tasks_matched')::int || '/' || (e->>'tasks_total')::int
                 FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
                WHERE r.onet_code = '29-2072.00' AND e->>'evidence' = 'anthropic_2025_02_10') = '9/17',
          '29-2072.00: Anthropic evidence: value sum(w e used) / sum(w) (28.75), observed weighted share (50), 9 of 17 tasks matched');
SELECT ok(abs((SELECT (e->>'value')::float8 FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
                WHERE r.onet_code = '29-2072.00' AND e->>'evidence' = 'working_with_ai_coverage') - 68.42105263157894 * 58.75 / 100) < 1e-9
          AND abs((SELECT (e->>'observed')::float8 FROM airesilience.potential_adoption_report r, jsonb_array_elements(r.evidence) e
                    WHERE r.onet_code = '29-2072.00' AND e->>'evidence' = 'working_with_ai_coverage') - 68.42105263157894) < 1e-9,
          '29-2072.00: Working with AI coverage observed 68.42, value 68.42 x 58.75 / 100 = 40.20');
SELECT is((SELECT match_quality FROM airesilience.occupation_usage WHERE onet_code = '29-2072.00'),
          'SOC 2018 code 29-2072, of this occupation alone', '29-2072.00: the coverage''s match-quality note');
SELECT ok(abs((SELECT adoption FROM airesilience.potential_adoption_report WHERE onet_code = '29-2072.00')
              - ((SELECT sum(w * e * used) / sum(w) FROM mrs_task) + 68.42105263157894 * 58.75 / 100) / 2) < 1e-9
          AND abs((SELECT potential FROM airesilience.potential_adoption_report WHERE onet_code = '29-2072.00') - 58.75) < 1e-9,
          '29-2072.00: potential 58.75, adoption = (28.75 + 40.20) / 2 = 34.47');
SELECT is((SELECT count(*) FROM airesilience.potential_adoption_report WHERE adoption > potential), 0::bigint,
          'adoption <= potential for every occupation (0.1.0: 403 of 923 above)');
-- Every coverage loaded through the occupation's own SOC code is the file's
-- coverage_user x 100 (the file read again here, independently of the loader).
SELECT is((SELECT count(*) FROM airesilience.occupation_usage u
             JOIN soc_metrics m ON m.soc_code = left(u.onet_code, 7)
            WHERE abs(u.coverage_pct - 100 * m.coverage_user) > 1e-9),
          0::bigint, 'every direct coverage equals 100 x coverage_user of soc_metrics.csv');
SELECT is((SELECT count(*) FROM airesilience.occupation_usage WHERE dataset = 'working_with_ai_coverage'),
          (SELECT count(*) FROM airesilience.source_value WHERE source = 'working_with_ai'),
          'coverage reaches the same occupations as the applicability score (the same 785 SOC codes)');
SELECT is((SELECT array_agg(dataset || ':' || level ORDER BY dataset) FROM airesilience.usage_dataset),
          '{anthropic_2025_02_10:task,working_with_ai_coverage:occupation}'::text[],
          'usage datasets registered: Anthropic (task level), Working with AI coverage (occupation level)');

-- Normalization, checked by a second computation: every source value ranked
-- here with counts (mid-rank: values below + (equal values - 1) / 2, over
-- the values - 1), flipped for exposure sources; task_model's value is the
-- task resilience.
CREATE TEMP TABLE ind_value AS
SELECT onet_code, source, raw_value FROM airesilience.source_value
UNION ALL
SELECT onet_code, 'task_model', task_resilience FROM airesilience.occupation_report WHERE task_resilience IS NOT NULL;
CREATE INDEX ON ind_value (source, raw_value);
CREATE TEMP TABLE ind_score AS
SELECT v.onet_code, v.source,
       CASE WHEN s.orientation = 'exposure' THEN 100 - x.pct ELSE x.pct END AS score
  FROM ind_value v
  JOIN airesilience.source s USING (source)
 CROSS JOIN LATERAL (SELECT (100 * ((SELECT count(*) FROM ind_value w WHERE w.source = v.source AND w.raw_value < v.raw_value)
                                    + ((SELECT count(*) FROM ind_value w WHERE w.source = v.source AND w.raw_value = v.raw_value) - 1) / 2.0)
                            / ((SELECT count(*) FROM ind_value w WHERE w.source = v.source) - 1))::float8 AS pct) x;
SELECT is((SELECT count(*) FROM airesilience.source_report r JOIN ind_score i USING (onet_code, source)
            WHERE abs(r.score - i.score) > 1e-9), 0::bigint,
          'every source score is the mid-rank percentile among occupations (flipped for exposure), task_model included');
SELECT is((SELECT count(*) FROM airesilience.source_report), (SELECT count(*) FROM ind_score),
          '... for every value');
SELECT is((SELECT count(*) FROM airesilience.occupation_report r
             JOIN (SELECT onet_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS m FROM ind_score GROUP BY onet_code) i
                  USING (onet_code)
            WHERE abs(r.source_median - i.m) > 1e-9), 0::bigint,
          'every headline is the median of its independently ranked source scores');
SELECT is((SELECT array_agg(source || ':' || round(avg::numeric, 6) ORDER BY source)
             FROM (SELECT source, avg(score) FROM ind_score GROUP BY source) a),
          '{digital_exposure:50.000000,frey_osborne:50.000000,task_model:50.000000,working_with_ai:50.000000}'::text[],
          'every source''s scores average 50: none leans toward one end');
SELECT is((SELECT count(*) FROM airesilience.source_distribution WHERE p10 > 11 OR p90 < 89 OR min > 1 OR max < 98), 0::bigint,
          'no source is compressed: each spreads from at most 1 to at least 98, p10 <= 11, p90 >= 89 (0.1.0: working_with_ai 50.8-100)');
SELECT is((SELECT array_agg(source || '=' || occupations ORDER BY source) FROM airesilience.source_distribution),
          (SELECT array_agg(source || '=' || n ORDER BY source) FROM (SELECT source, count(*) AS n FROM ind_score GROUP BY source) c),
          'source_distribution counts every source''s occupations');
-- The headline labels, from the independent medians and resilience6's cuts
-- written here (> 80, > 65, > 50, > 35, > 22, else).
SELECT is((SELECT array_agg(label || '=' || occupations ORDER BY position) FROM airesilience.headline_distribution),
          (SELECT array_agg(l || '=' || coalesce(n, 0) ORDER BY p)
             FROM (VALUES (1, 'Highly Resilient'), (2, 'Resilient'), (3, 'Mostly Resilient'), (4, 'Somewhat Resilient'),
                          (5, 'Not Very Resilient'), (6, 'Vulnerable')) v (p, l)
             LEFT JOIN (SELECT CASE WHEN m > 80 THEN 1 WHEN m > 65 THEN 2 WHEN m > 50 THEN 3 WHEN m > 35 THEN 4
                                    WHEN m > 22 THEN 5 ELSE 6 END AS p, count(*) AS n
                          FROM (SELECT onet_code, percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS m
                                  FROM ind_score GROUP BY onet_code) x GROUP BY 1) c USING (p)),
          'headline_distribution: the labels of the independent medians');
SELECT is((SELECT min(occupations) > 100 FROM airesilience.headline_distribution), true,
          'every headline label holds more than 100 occupations (0.1.0: 10 Vulnerable, 264 Highly Resilient)');

-- Coverage per source (occupations with a value): task_model 923,
-- working_with_ai 950, digital_exposure 694 as in 0.1.0; frey_osborne 826
-- + 15: the ten 2010 codes outside the crosswalk that a 2018 code's title
-- names (data README §8 lists seven by exact title; with BLS's "(#)" marks
-- removed 15-1799, 29-2799 and 49-9799 match too), over their O*NET
-- occupations, less those already reached.
SELECT is((SELECT array_agg(source || '=' || n ORDER BY source)
             FROM (SELECT source, count(*) AS n FROM airesilience.source_report GROUP BY source) c),
          '{digital_exposure=694,frey_osborne=841,task_model=923,working_with_ai=950}'::text[],
          'coverage: digital_exposure 694, frey_osborne 841 (0.1.0: 826), task_model 923, working_with_ai 950');

-- Related occupations: a list for every occupation O*NET relates or that
-- has a skill vector; by skill overlap where it has one.
SELECT is((SELECT count(*) FROM airesilience.occupation o
            WHERE (EXISTS (SELECT FROM airesilience.related_occupation r WHERE r.onet_code = o.onet_code)
                   OR EXISTS (SELECT FROM airesilience.skill_vector v WHERE v.onet_code = o.onet_code))
              AND NOT EXISTS (SELECT FROM airesilience.related_report r WHERE r.onet_code = o.onet_code AND r.scope = 'overall')),
          0::bigint, 'no empty related list where O*NET relates the occupation (0.1.0: 44 such, 137 empty in all)');
SELECT is((SELECT count(*) FROM airesilience.occupation o
            WHERE NOT EXISTS (SELECT FROM airesilience.related_report r WHERE r.onet_code = o.onet_code)),
          93::bigint, 'empty lists: the 93 occupations without task data, which O*NET relates to nothing');
SELECT is((SELECT array_agg(related_code || ' ' || basis ORDER BY rank) FILTER (WHERE rank <= 2)
             FROM airesilience.related_report WHERE onet_code = '29-2072.00' AND scope = 'overall'),
          '{"31-9094.00 onet_related","29-9021.00 onet_related"}'::text[],
          '29-2072.00 (no skill vector): O*NET''s list, Medical Transcriptionists first');
SELECT is((SELECT count(DISTINCT onet_code) FROM airesilience.related_report WHERE basis = 'skill_overlap' AND scope = 'overall'),
          (SELECT count(*) FROM airesilience.skill_vector), 'every occupation with a skill vector is listed by skill overlap');

-- Task buckets: each reachable, and each holds exactly the tasks of its
-- exposure (the mean of the two raters: 0 or 25 Human-led, 50 Mixed, 75
-- Strong automation pressure, 100 Highly automatable).
SELECT is((SELECT array_agg(bucket || '=' || n ORDER BY bucket) FROM (SELECT bucket, count(*) AS n FROM airesilience.task_report
                                                                     WHERE bucket IS NOT NULL GROUP BY bucket) b),
          (SELECT array_agg(b || '=' || n ORDER BY b)
             FROM (SELECT CASE WHEN e <= 25 THEN 'Human-led' WHEN e = 50 THEN 'Mixed' WHEN e = 75 THEN 'Strong automation pressure'
                               ELSE 'Highly automatable' END AS b, count(*) AS n
                     FROM (SELECT avg(exposure) AS e FROM airesilience.task_rating GROUP BY onet_code, task_id) r GROUP BY 1) c),
          'task buckets by exposure: all four hold tasks (0.1.0: Strong automation pressure 0)');

-- Coverage, printed for the README.
SELECT diag(format('coverage: %s: %s occupations (%s with tasks)', source, n, n_tasks))
  FROM (SELECT source, count(*) AS n,
               count(*) FILTER (WHERE EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = r.onet_code)) AS n_tasks
          FROM airesilience.source_report r GROUP BY source ORDER BY source) c;
SELECT diag(format('coverage: task_usage anthropic_2025_02_10: %s tasks of %s occupations',
                   count(*), count(DISTINCT onet_code)))
  FROM airesilience.task_usage;
SELECT diag(format('coverage: labor_stats: %s of %s occupations with tasks', count(l.soc_code), count(*)))
  FROM airesilience.occupation o LEFT JOIN airesilience.labor_stats l USING (soc_code)
 WHERE EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = o.onet_code);
SELECT diag(format('coverage: source_count %s: %s occupations with tasks', source_count, count(*)))
  FROM airesilience.occupation_report WHERE task_count > 0 GROUP BY source_count ORDER BY source_count;

SELECT * FROM finish();
ROLLBACK;
