-- The data model rejects impossible rows at insert time, each with its SQLSTATE.
BEGIN;
SET client_min_messages = warning;
SELECT plan(37);

INSERT INTO airesilience.category VALUES ('healthcare', 'Healthcare');
INSERT INTO airesilience.occupation (onet_code, title, category)
VALUES ('29-2072.00', 'Medical Records Specialists', 'healthcare');
INSERT INTO airesilience.task (onet_code, task_id, description) VALUES ('29-2072.00', 1, 'File records.');
INSERT INTO airesilience.rater VALUES ('gpt4', 'model', NULL);
INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max)
VALUES ('karpathy', 'Digital exposure', 'exposure', 0, 10);

-- occupations
SELECT is((SELECT soc_code FROM airesilience.occupation), '29-2072', 'soc_code is derived from onet_code');
SELECT throws_ok($$INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-2072', 'x', 'healthcare')$$,
                 '23514', NULL, 'an O*NET code without the .NN suffix is rejected');
SELECT throws_ok($$INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-2073.00', '', 'healthcare')$$,
                 '23514', NULL, 'an empty title is rejected');
SELECT throws_ok($$INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-2073.00', 'x', 'nursing')$$,
                 '23503', NULL, 'an unknown category is rejected');
SELECT throws_ok($$INSERT INTO airesilience.occupation (onet_code, soc_code, title, category) VALUES ('29-2073.00', '11-1111', 'x', 'healthcare')$$,
                 '428C9', NULL, 'soc_code cannot be set by hand');
SELECT throws_ok($$INSERT INTO airesilience.category VALUES ('Health Care', 'x')$$,
                 '23514', NULL, 'category names are lower-case identifiers');

-- tasks
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description, importance) VALUES ('29-2072.00', 2, 'x', 5.5)$$,
                 '23514', NULL, 'importance above 5 is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description, importance) VALUES ('29-2072.00', 2, 'x', 'NaN')$$,
                 '23514', NULL, 'NaN importance is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description, relevance) VALUES ('29-2072.00', 2, 'x', -1)$$,
                 '23514', NULL, 'negative relevance is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description, frequency) VALUES ('29-2072.00', 2, 'x', 'Infinity')$$,
                 '23514', NULL, 'infinite frequency is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description, task_type) VALUES ('29-2072.00', 2, 'x', 'Core')$$,
                 '23514', NULL, 'task_type is core or supplemental, lower case');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description) VALUES ('29-2072.00', 0, 'x')$$,
                 '23514', NULL, 'task ids are positive');
SELECT throws_ok($$INSERT INTO airesilience.task (onet_code, task_id, description) VALUES ('11-1011.00', 2, 'x')$$,
                 '23503', NULL, 'a task of an unknown occupation is rejected');

-- ratings
SELECT throws_ok($$INSERT INTO airesilience.task_rating VALUES ('29-2072.00', 1, 'gpt4', 100.5)$$,
                 '23514', NULL, 'exposure above 100 is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task_rating VALUES ('29-2072.00', 1, 'gpt4', 'NaN')$$,
                 '23514', NULL, 'NaN exposure is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task_rating VALUES ('29-2072.00', 9, 'gpt4', 50)$$,
                 '23503', NULL, 'a rating of an unknown task is rejected');
SELECT throws_ok($$INSERT INTO airesilience.task_rating VALUES ('29-2072.00', 1, 'claude', 50)$$,
                 '23503', NULL, 'a rating by an unknown rater is rejected');
SELECT throws_ok($$INSERT INTO airesilience.rater VALUES ('panel', 'crowd', NULL)$$,
                 '23514', NULL, 'rater kind is human or model');

-- sources and their values
SELECT throws_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('s', 'x', 'exposure', 1, 1)$$,
                 '23514', NULL, 'an empty scale is rejected');
SELECT throws_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('s', 'x', 'risk', 0, 1)$$,
                 '23514', NULL, 'orientation is exposure or resilience');
SELECT throws_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max) VALUES ('s', 'x', 'exposure', 0, 'Infinity')$$,
                 '23514', NULL, 'an unbounded scale is rejected');
SELECT throws_ok($$INSERT INTO airesilience.source_value VALUES ('29-2072.00', 'karpathy', 11)$$,
                 '22003', 'value 11 is outside the scale of source "karpathy"', 'a value above the scale is rejected');
SELECT throws_ok($$INSERT INTO airesilience.source_value VALUES ('29-2072.00', 'karpathy', 'NaN')$$,
                 '22003', NULL, 'a NaN value is rejected');
SELECT throws_ok($$INSERT INTO airesilience.source_value VALUES ('29-2072.00', 'task_model', 50)$$,
                 '22023', 'source "task_model" is derived and cannot hold stored values', 'a derived source holds no values');
SELECT lives_ok($$INSERT INTO airesilience.source_value VALUES ('29-2072.00', 'karpathy', 9)$$,
                'a value on the scale is accepted');
SELECT throws_ok($$UPDATE airesilience.source SET scale_max = 5 WHERE source = 'karpathy'$$,
                 '22003', NULL, 'a scale cannot shrink below a stored value');
SELECT throws_ok($$UPDATE airesilience.source SET title = 'mine' WHERE source = 'task_model'$$,
                 '23001', NULL, 'built-in sources are read-only');
SELECT throws_ok($$DELETE FROM airesilience.source WHERE source = 'task_model'$$,
                 '23001', NULL, 'built-in sources cannot be deleted');
SELECT throws_ok($$INSERT INTO airesilience.source (source, title, orientation, scale_min, scale_max, builtin) VALUES ('s', 'x', 'exposure', 0, 1, true)$$,
                 '23001', NULL, 'a user row cannot claim to be built in (it would be left out of dumps)');
SELECT throws_ok($$UPDATE airesilience.source SET builtin = true WHERE source = 'karpathy'$$,
                 '23001', NULL, 'a user row cannot become built in');
SELECT throws_ok($$TRUNCATE airesilience.source CASCADE$$,
                 '23001', NULL, 'a table with built-in rows cannot be truncated');

-- labor statistics
SELECT throws_ok($$INSERT INTO airesilience.labor_stats (soc_code, employment) VALUES ('29-2072', -1)$$,
                 '23514', NULL, 'negative employment is rejected');
SELECT throws_ok($$INSERT INTO airesilience.labor_stats (soc_code, median_wage) VALUES ('29-2072.00', 50250)$$,
                 '23514', NULL, 'labor statistics are keyed by the 6-digit SOC code');
SELECT throws_ok($$INSERT INTO airesilience.labor_stats (soc_code, growth_pct) VALUES ('29-2072', -120)$$,
                 '23514', NULL, 'a decline beyond -100 % is rejected');
SELECT throws_ok($$INSERT INTO airesilience.labor_stats (soc_code, growth_pct) VALUES ('29-2072', 'NaN')$$,
                 '23514', NULL, 'a NaN growth is rejected (numeric NaN sorts above every number)');
SELECT throws_ok($$INSERT INTO airesilience.labor_stats (soc_code, median_wage) VALUES ('29-2072', 'NaN')$$,
                 '23514', NULL, 'a NaN wage is rejected');

-- deleting an occupation takes its tasks, ratings and values with it
DELETE FROM airesilience.occupation;
SELECT is((SELECT count(*) FROM airesilience.source_value), 0::bigint, 'deleting an occupation cascades to its rows');

SELECT * FROM finish();
ROLLBACK;
