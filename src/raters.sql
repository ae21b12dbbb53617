-- Rater spread (the "AI Jury" page): each task's raters side by side, their
-- median, how far apart they are, and whether they disagree; per occupation,
-- the share of tasks where they disagree.
--
-- Raters disagree on a task when their exposures differ by 50 or more
-- (spread = max - min >= 50).  On the scale of the "GPTs are GPTs" labels
-- (E0 = 0, E2 = 50, E1 = 100) the possible spreads are 0, 50 and 100, so
-- the rule reads "the raters chose different labels"; on a continuous scale
-- it means they are half the scale apart, a difference that changes the
-- task's bucket whatever the median.  A task with a single rater has no
-- jury: its disagree is NULL and it is left out of the occupation's counts.

CREATE VIEW airesilience.task_rater_report AS
SELECT onet_code,
       task_id,
       jsonb_object_agg(rater, exposure) AS ratings,
       count(*) AS rater_count,
       airesilience.source_median(exposure) AS median,
       max(exposure) - min(exposure) AS spread,
       CASE WHEN count(*) >= 2 THEN max(exposure) - min(exposure) >= 50 END AS disagree
  FROM airesilience.task_rating
 GROUP BY onet_code, task_id;
COMMENT ON VIEW airesilience.task_rater_report IS
    'One row per rated task: every rater''s exposure, their median and spread, and whether they disagree (spread >= 50)';
COMMENT ON COLUMN airesilience.task_rater_report.ratings IS 'Object {rater: exposure 0-100}';
COMMENT ON COLUMN airesilience.task_rater_report.median IS 'Median of the raters'' exposures (source_median): the task''s exposure';
COMMENT ON COLUMN airesilience.task_rater_report.spread IS 'Highest minus lowest exposure, 0-100 (0 for a single rater)';
COMMENT ON COLUMN airesilience.task_rater_report.disagree IS
    'spread >= 50: on the E0/E2/E1 scale (0/50/100), the raters chose different labels; NULL with a single rater';
COMMENT ON COLUMN airesilience.task_rater_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.task_rater_report.task_id IS
    'O*NET task id, unique within the occupation';
COMMENT ON COLUMN airesilience.task_rater_report.rater_count IS 'How many raters rated the task';

CREATE VIEW airesilience.rater_agreement_report AS
SELECT onet_code,
       count(disagree) AS tasks_rated,
       count(*) FILTER (WHERE disagree) AS tasks_disagreeing,
       (count(*) FILTER (WHERE disagree))::float8 / nullif(count(disagree), 0) AS disagreement_share
  FROM airesilience.task_rater_report
 GROUP BY onet_code;
COMMENT ON VIEW airesilience.rater_agreement_report IS
    'One row per occupation with rated tasks: how many tasks at least two raters rated, on how many they disagree, and the share';
COMMENT ON COLUMN airesilience.rater_agreement_report.tasks_rated IS 'Tasks rated by two or more raters';
COMMENT ON COLUMN airesilience.rater_agreement_report.tasks_disagreeing IS 'Of those, tasks whose raters disagree (spread >= 50)';
COMMENT ON COLUMN airesilience.rater_agreement_report.disagreement_share IS
    'tasks_disagreeing / tasks_rated, 0-1; NULL when no task has two raters';
COMMENT ON COLUMN airesilience.rater_agreement_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
