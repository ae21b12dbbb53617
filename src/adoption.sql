-- Potential vs adoption (the "Automatization" page): how much of an
-- occupation's work AI could do, next to evidence of how much of it people
-- already use AI for, both on one footing: shares of the same work, with the
-- same task weights, 0-100.
--
-- potential = weighted mean exposure of the occupation's rated tasks, with
--             the weights of task_score: sum(w * exposure) / sum(w), 0-100
--             (= 100 - task resilience): the share of the work AI could do.
-- evidence  = one value 0-100 per usage dataset: the part of that potential
--             the dataset sees in use, so never above it.
--   * a task-level dataset (rows in task_usage): the exposure of the rated
--     tasks with observed usage (share_pct > 0), the others counting 0, under
--     the same weights: sum(w * exposure * [observed]) / sum(w), over the
--     same rated tasks as potential.  A task with usage adds what AI could do
--     of it (its exposure), not the whole task: usage of a task shows AI at
--     work on it, not that it does all of it.
--   * an occupation-level dataset (rows in occupation_usage): its coverage
--     (the share of the work with observed usage) times potential / 100: the
--     exposed share of the covered work, taking the covered work to be as
--     exposed as the occupation's work on average.
--   Either is <= potential, term by term or factor by factor: adoption <=
--   potential holds by construction.  Without rated tasks there is no
--   potential and the value is NULL; the dataset's own share stays in
--   observed, with the note on how well the dataset matched:
--   * observed, task-level: the weighted share of all the occupation's
--     tasks with observed usage, 100 * sum(w of observed) / sum(w), rated or
--     not; a task the dataset does not list counts as unobserved, so an
--     occupation none of whose tasks matched gets 0 with the note "0 of n
--     tasks matched";
--   * observed, occupation-level: the coverage as stored, with the row's
--     own note.
-- adoption  = mean of the evidence values; NULL when there is none.
--
-- Release 0.1.0 compared potential with the observed shares themselves: any
-- usage of a task counted the whole task, so adoption exceeded potential for
-- 403 of the 923 occupations with both on the public data (docs/model.md).
--
-- Datasets are registered in usage_dataset: the registry says whether a
-- dataset is task- or occupation-level, so that a single occupation's
-- evidence is computed from that occupation's rows alone, zero matches
-- included.  task_usage rows of an unregistered dataset are not evidence.

CREATE TABLE airesilience.usage_dataset (
    dataset      text PRIMARY KEY CHECK (dataset ~ '^[a-z][a-z0-9_]*$'),
    title        text NOT NULL CHECK (title <> ''),
    level        text NOT NULL CHECK (level IN ('task', 'occupation')),
    match_method text CHECK (match_method <> ''),
    description  text,
    url          text,
    UNIQUE (dataset, level)
);
COMMENT ON TABLE airesilience.usage_dataset IS
    'Datasets of observed AI usage that count as adoption evidence: task-level (rows in task_usage) or occupation-level (rows in occupation_usage)';
COMMENT ON COLUMN airesilience.usage_dataset.level IS
    'task: evidence is the weighted share of the occupation''s tasks with usage in task_usage; occupation: evidence is the coverage stored in occupation_usage';
COMMENT ON COLUMN airesilience.usage_dataset.match_method IS
    'How the dataset was matched to the occupations, quoted in the match-quality note (for example: exact task text to O*NET 29.3)';
COMMENT ON COLUMN airesilience.usage_dataset.dataset IS
    'Dataset name: lower case letters, digits and underscores (for example anthropic_2025_02_10)';
COMMENT ON COLUMN airesilience.usage_dataset.title IS 'Display name of the dataset';
COMMENT ON COLUMN airesilience.usage_dataset.description IS 'What the dataset observed';
COMMENT ON COLUMN airesilience.usage_dataset.url IS 'Where the dataset is published';

-- Occupation-level usage, for datasets published per occupation (or per SOC
-- code, carried to every O*NET occupation of that code).  The generated
-- level column lets the foreign key admit occupation-level datasets only.
CREATE TABLE airesilience.occupation_usage (
    onet_code     text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    dataset       text NOT NULL,
    level         text NOT NULL GENERATED ALWAYS AS ('occupation') STORED,
    coverage_pct  float8 NOT NULL CHECK (coverage_pct BETWEEN 0 AND 100),
    match_quality text CHECK (match_quality <> ''),
    PRIMARY KEY (onet_code, dataset),
    FOREIGN KEY (dataset, level) REFERENCES airesilience.usage_dataset (dataset, level) ON DELETE CASCADE
);
COMMENT ON TABLE airesilience.occupation_usage IS
    'Observed AI usage per occupation: coverage 0-100 of its work by a usage dataset, with a match-quality note';
COMMENT ON COLUMN airesilience.occupation_usage.coverage_pct IS
    'Share of the occupation''s work with observed AI usage, percent (for example Working with AI coverage x 100)';
COMMENT ON COLUMN airesilience.occupation_usage.match_quality IS
    'How this value reached the occupation (for example: SOC-level match); NULL: the dataset''s match_method';
COMMENT ON COLUMN airesilience.occupation_usage.level IS
    'Always occupation: the foreign key admits occupation-level datasets only';
COMMENT ON COLUMN airesilience.occupation_usage.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.occupation_usage.dataset IS
    'The occupation-level usage dataset (usage_dataset.dataset)';

-- One pass over the tasks serves every dataset: each task row meets every
-- registered dataset, and the grouping gives a task-level dataset its
-- value and an occupation-level one the potential its coverage multiplies.
CREATE VIEW airesilience.adoption_evidence AS
SELECT g.onet_code,
       g.dataset AS evidence,
       CASE WHEN g.level = 'task' THEN g.used_exposure ELSE o.coverage_pct * g.potential / 100 END AS value,
       CASE WHEN g.level = 'task' THEN g.tasks_matched END AS tasks_matched,
       CASE WHEN g.level = 'task' THEN g.tasks_total END AS tasks_total,
       CASE WHEN g.level = 'task'
            THEN format('%s of %s tasks matched%s; unmatched tasks count as unobserved',
                        g.tasks_matched, g.tasks_total, ' by ' || g.match_method)
            ELSE coalesce(o.match_quality, g.match_method)
       END AS match_quality,
       CASE WHEN g.level = 'task' THEN g.observed ELSE o.coverage_pct END AS observed
  FROM (SELECT s.onet_code,
               d.dataset,
               d.level,
               d.match_method,
               -- the exposure of the rated tasks with usage, others 0: on
               -- potential's rows and weights, so at most potential
               airesilience.weighted_resilience(CASE WHEN s.exposure IS NULL THEN NULL
                                                     WHEN u.share_pct > 0 THEN s.exposure
                                                     ELSE 0 END, s.weight) FILTER (WHERE d.level = 'task') AS used_exposure,
               count(u.task_id) AS tasks_matched,
               count(*) AS tasks_total,
               -- weighted mean of 100 x [usage observed] over all tasks:
               -- the weighted share, 0-100, NULL when the tasks weigh nothing
               airesilience.weighted_resilience(CASE WHEN u.share_pct > 0 THEN 100 ELSE 0 END, s.weight)
                   FILTER (WHERE d.level = 'task') AS observed,
               airesilience.weighted_resilience(s.exposure, s.weight) FILTER (WHERE d.level = 'occupation') AS potential
          FROM airesilience.task_score s
         CROSS JOIN airesilience.usage_dataset d
          LEFT JOIN airesilience.task_usage u
                 ON u.onet_code = s.onet_code AND u.task_id = s.task_id AND u.dataset = d.dataset AND d.level = 'task'
         GROUP BY s.onet_code, d.dataset, d.level, d.match_method) g
  LEFT JOIN airesilience.occupation_usage o ON o.onet_code = g.onet_code AND o.dataset = g.dataset
 WHERE g.level = 'task' OR o.onet_code IS NOT NULL
UNION ALL
-- occupation-level evidence of an occupation without tasks: no potential
SELECT u.onet_code,
       u.dataset,
       NULL,
       NULL,
       NULL,
       coalesce(u.match_quality, d.match_method),
       u.coverage_pct
  FROM airesilience.occupation_usage u
  JOIN airesilience.usage_dataset d USING (dataset)
 WHERE NOT EXISTS (SELECT FROM airesilience.task t WHERE t.onet_code = u.onet_code);
COMMENT ON VIEW airesilience.adoption_evidence IS
    'Occupation x usage dataset: the part of the occupation''s potential observed in use (0-100, at most potential), the dataset''s own observed share, and how well the dataset matched';
COMMENT ON COLUMN airesilience.adoption_evidence.evidence IS 'The usage dataset (airesilience.usage_dataset)';
COMMENT ON COLUMN airesilience.adoption_evidence.value IS
    'On potential''s footing, 0-100: task-level sum(w x exposure x [usage]) / sum(w) over the rated tasks; occupation-level coverage_pct x potential / 100; NULL without rated tasks';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_matched IS 'Tasks the dataset lists (task-level datasets only)';
COMMENT ON COLUMN airesilience.adoption_evidence.tasks_total IS 'Tasks of the occupation (task-level datasets only)';
COMMENT ON COLUMN airesilience.adoption_evidence.observed IS
    'The dataset''s own share: task-level 100 x weight of the tasks with usage (share_pct > 0) / weight of all tasks; occupation-level coverage_pct';
COMMENT ON COLUMN airesilience.adoption_evidence.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.adoption_evidence.match_quality IS
    'How the evidence reached the occupation: for a task-level dataset "k of n tasks matched by <method>"; for an occupation-level one the stored note or the dataset''s match_method';

CREATE VIEW airesilience.potential_adoption_report AS
SELECT o.onet_code,
       p.potential,
       a.adoption,
       coalesce(a.evidence_count, 0) AS evidence_count,
       coalesce(a.evidence, '[]') AS evidence
  FROM airesilience.occupation o
  LEFT JOIN airesilience.occupation_task_summary p USING (onet_code)
  LEFT JOIN (SELECT e.onet_code,
                    airesilience.weighted_resilience(e.value, 1) AS adoption,
                    count(e.value) AS evidence_count,
                    jsonb_agg(jsonb_build_object('evidence', e.evidence,
                                                 'title', d.title,
                                                 'value', e.value,
                                                 'observed', e.observed,
                                                 'tasks_matched', e.tasks_matched,
                                                 'tasks_total', e.tasks_total,
                                                 'match_quality', e.match_quality)
                              ORDER BY e.evidence) AS evidence
               FROM airesilience.adoption_evidence e
               JOIN airesilience.usage_dataset d ON d.dataset = e.evidence
              GROUP BY e.onet_code) a USING (onet_code);
COMMENT ON VIEW airesilience.potential_adoption_report IS
    'One row per occupation: potential (weighted mean task exposure, 0-100) beside adoption (mean of the evidence values, the part of potential observed in use, so at most potential) and the evidence itself';
COMMENT ON COLUMN airesilience.potential_adoption_report.potential IS
    'Weighted mean exposure of the rated tasks, task_score weights, 0-100 (= 100 - task resilience); NULL without rated tasks';
COMMENT ON COLUMN airesilience.potential_adoption_report.adoption IS
    'Mean of the evidence values, 0-100, at most potential; NULL when there is no evidence or no potential';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence_count IS 'Evidence values averaged into adoption';
COMMENT ON COLUMN airesilience.potential_adoption_report.evidence IS
    'Array of {evidence, title, value, observed, tasks_matched, tasks_total, match_quality}, ordered by evidence; [] when none';
COMMENT ON COLUMN airesilience.potential_adoption_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';

SELECT pg_catalog.pg_extension_config_dump('airesilience.usage_dataset', '');
SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation_usage', '');
