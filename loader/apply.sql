-- airesilience loader (loader/public.sql): replace the loader's rows with
-- what the dataset files staged.

------------------------------------------------------------------------------
-- Apply: replace the loader's rows
------------------------------------------------------------------------------

INSERT INTO airesilience.category (category, title)
SELECT category, title FROM pg_temp.new_category
ON CONFLICT (category) DO UPDATE SET title = EXCLUDED.title
WHERE airesilience.category.title IS DISTINCT FROM EXCLUDED.title;

DELETE FROM airesilience.occupation o
 WHERE NOT EXISTS (SELECT FROM pg_temp.new_occupation n WHERE n.onet_code = o.onet_code);
INSERT INTO airesilience.occupation (onet_code, title, category, description, job_zone)
SELECT onet_code, title, category, description, job_zone FROM pg_temp.new_occupation
ON CONFLICT (onet_code) DO UPDATE
   SET title = EXCLUDED.title, category = EXCLUDED.category,
       description = EXCLUDED.description, job_zone = EXCLUDED.job_zone
 WHERE (airesilience.occupation.title, airesilience.occupation.category,
        airesilience.occupation.description, airesilience.occupation.job_zone)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.category, EXCLUDED.description, EXCLUDED.job_zone);

DELETE FROM airesilience.task t
 WHERE NOT EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = t.onet_code AND n.task_id = t.task_id);
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance, frequency,
                               task_type_source)
SELECT onet_code, task_id, description, task_type, importance, relevance, frequency, task_type_source
  FROM pg_temp.new_task
ON CONFLICT (onet_code, task_id) DO UPDATE
   SET description = EXCLUDED.description, task_type = EXCLUDED.task_type,
       importance = EXCLUDED.importance, relevance = EXCLUDED.relevance, frequency = EXCLUDED.frequency,
       task_type_source = EXCLUDED.task_type_source
 WHERE (airesilience.task.description, airesilience.task.task_type, airesilience.task.importance,
        airesilience.task.relevance, airesilience.task.frequency, airesilience.task.task_type_source)
       IS DISTINCT FROM (EXCLUDED.description, EXCLUDED.task_type, EXCLUDED.importance,
                         EXCLUDED.relevance, EXCLUDED.frequency, EXCLUDED.task_type_source);

DELETE FROM airesilience.occupation_skill;
INSERT INTO airesilience.occupation_skill (onet_code, skill_id, skill_name, importance, level)
SELECT onet_code, skill_id, skill_name, importance, level FROM pg_temp.new_skill;

DELETE FROM airesilience.related_occupation;
INSERT INTO airesilience.related_occupation (onet_code, related_code, tier, rank)
SELECT code, related_code, lower(tier), index::smallint FROM pg_temp."onet/Related Occupations.txt";

DELETE FROM airesilience.task_activity;
DELETE FROM airesilience.work_activity;
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title)
SELECT dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title FROM pg_temp.new_work_activity;
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id)
SELECT code, task_id::integer, dwa_id FROM pg_temp."onet/Tasks to DWAs.tsv";

INSERT INTO airesilience.rater (rater, kind, description) VALUES
    ('gpt4', 'model', 'GPT-4''s exposure label of the task, main rubric of "GPTs are GPTs" (Eloundou et al., 2023): E0 = 0, E2 = 50, E1 = 100'),
    ('human', 'human', 'The aggregated label of the human annotators of "GPTs are GPTs" (Eloundou et al., 2023): E0 = 0, E2 = 50, E1 = 100')
ON CONFLICT (rater) DO UPDATE SET kind = EXCLUDED.kind, description = EXCLUDED.description;
DELETE FROM airesilience.task_rating WHERE rater IN ('gpt4', 'human');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure)
SELECT onet_code, task_id, rater, exposure FROM pg_temp.new_task_rating;

DELETE FROM airesilience.task_usage WHERE dataset = 'anthropic_2025_02_10';
INSERT INTO airesilience.task_usage (onet_code, task_id, dataset, share_pct)
SELECT onet_code, task_id, dataset, share_pct FROM pg_temp.new_task_usage;

-- The usage datasets, registered so that potential_adoption_report counts
-- them as adoption evidence.
INSERT INTO airesilience.usage_dataset (dataset, title, level, match_method, description, url) VALUES
    ('anthropic_2025_02_10', 'Anthropic Economic Index 2025-02-10: Claude.ai conversations per task', 'task',
     'exact task text (lower-cased, trimmed) to O*NET 29.3',
     'Share of Claude.ai conversations mapped to each O*NET task statement (Handa et al., 2025); a task with a share above 0 has observed usage',
     'https://huggingface.co/datasets/Anthropic/EconomicIndex'),
    ('working_with_ai_coverage', 'Microsoft Working with AI: coverage of user goals', 'occupation',
     'SOC 2018 code to its O*NET occupations (BLS aggregate codes through the NEM crosswalk)',
     'coverage_user x 100: the importance- and relevance-weighted share of the occupation''s work activities (IWAs) that users sought help with in more than 0.05 % of Bing Copilot conversations (Tomlinson et al., 2025)',
     'https://github.com/microsoft/working-with-ai')
ON CONFLICT (dataset) DO UPDATE
   SET title = EXCLUDED.title, level = EXCLUDED.level, match_method = EXCLUDED.match_method,
       description = EXCLUDED.description, url = EXCLUDED.url
 WHERE (airesilience.usage_dataset.title, airesilience.usage_dataset.level, airesilience.usage_dataset.match_method,
        airesilience.usage_dataset.description, airesilience.usage_dataset.url)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.level, EXCLUDED.match_method, EXCLUDED.description, EXCLUDED.url);
DELETE FROM airesilience.occupation_usage WHERE dataset = 'working_with_ai_coverage';
INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct, match_quality)
SELECT onet_code, dataset, coverage_pct, match_quality FROM pg_temp.new_occupation_usage;

-- Alternate titles: the loader's sources are replaced; a name someone added
-- by hand (another source) stays, and the loader does not add it again.
DELETE FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne');
INSERT INTO airesilience.occupation_alias (onet_code, alias, source)
SELECT onet_code, alias, source FROM pg_temp.new_alias
ON CONFLICT DO NOTHING;
SELECT format('occupation_alias: %s alternate titles of %s occupations (bls_ooh %s, bls_projections %s, frey_osborne %s); %s names equal to the O*NET title or named by an earlier source not kept, %s already added by hand',
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')),
              (SELECT count(DISTINCT onet_code) FROM airesilience.occupation_alias WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'bls_ooh'),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'bls_projections'),
              (SELECT count(*) FROM airesilience.occupation_alias WHERE source = 'frey_osborne'),
              (SELECT count(*) FROM pg_temp.named) - (SELECT count(*) FROM pg_temp.new_alias),
              (SELECT count(*) FROM pg_temp.new_alias) - (SELECT count(*) FROM airesilience.occupation_alias
                                                          WHERE source IN ('bls_ooh', 'bls_projections', 'frey_osborne')));

-- Every source scored by its mid-rank percentile among occupations
-- (docs/model.md: linear normalization compressed working_with_ai into
-- 50.8-100).
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, normalization, description, url) VALUES
    ('working_with_ai', 'Microsoft Working with AI: AI applicability', 'exposure', 0, 1, 'percentile',
     'How much of an occupation''s work activities AI already helps with or performs in Bing Copilot conversations (Tomlinson et al., 2025), per 6-digit SOC code',
     'https://github.com/microsoft/working-with-ai'),
    ('digital_exposure', 'Digital AI exposure (karpathy/jobs, BLS OOH)', 'exposure', 0, 10, 'percentile',
     'A language model''s 0-10 rating of how much current digital AI will reshape the occupation, per Occupational Outlook Handbook profile',
     'https://github.com/karpathy/jobs'),
    ('frey_osborne', 'Frey & Osborne: probability of computerisation', 'exposure', 0, 1, 'percentile',
     'Estimated probability that the occupation can be computerised (Frey and Osborne, 2013/2017), SOC 2010 codes carried to SOC 2018 through the BLS crosswalk (codes outside it by their title; a merged code gets the mean of its predecessors)',
     'https://doi.org/10.1016/j.techfore.2016.08.019')
ON CONFLICT (source) DO UPDATE
   SET title = EXCLUDED.title, orientation = EXCLUDED.orientation, scale_min = EXCLUDED.scale_min,
       scale_max = EXCLUDED.scale_max, normalization = EXCLUDED.normalization, derived = EXCLUDED.derived,
       description = EXCLUDED.description, url = EXCLUDED.url;
DELETE FROM airesilience.source_value WHERE source IN ('working_with_ai', 'digital_exposure', 'frey_osborne');
INSERT INTO airesilience.source_value (onet_code, source, raw_value)
SELECT onet_code, source, raw_value FROM pg_temp.new_source_value;

DELETE FROM airesilience.labor_stats;
INSERT INTO airesilience.labor_stats (soc_code, median_wage, median_wage_topcoded, employment, employment_projected,
                                      annual_openings, growth_pct, entry_education, work_experience)
SELECT soc_code, median_wage, median_wage_topcoded, employment, employment_projected,
       annual_openings, growth_pct, entry_education, work_experience
  FROM pg_temp.new_labor_stats;

SELECT format('loaded %s occupations (%s with tasks), %s tasks, %s task ratings, %s source values, %s labor_stats rows, %s categories',
              (SELECT count(*) FROM airesilience.occupation),
              (SELECT count(DISTINCT onet_code) FROM airesilience.task),
              (SELECT count(*) FROM airesilience.task),
              (SELECT count(*) FROM airesilience.task_rating),
              (SELECT count(*) FROM airesilience.source_value),
              (SELECT count(*) FROM airesilience.labor_stats),
              (SELECT count(*) FROM airesilience.category));

-- Every category gets a seniority curve, so that seniority_report has rows
-- for the public data; a curve that exists (written by hand, or a default
-- of an earlier load) is never replaced.
SELECT count(*) AS curves_before FROM airesilience.seniority_curve \gset
SELECT format('seniority_curve: %s default curves installed, %s curves there before kept (%s categories)',
              airesilience.install_default_seniority_curves(), :curves_before,
              (SELECT count(*) FROM airesilience.category));

