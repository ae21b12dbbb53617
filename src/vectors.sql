-- Exposure vectors (NexFuture's page): an occupation's AI exposure split by
-- the kind of technology that would act on the work -- workflow automation,
-- content generation, analysis, physical automation -- each 0-100.
--
-- O*NET links each task to detailed work activities (task_activity), each
-- of which belongs to one of O*NET's 41 generalized work activities (GWA,
-- work_activity.gwa_id).  activity_vector assigns every GWA to one vector.
-- For occupation o and vector v, with T(v) the tasks of o linked to at least
-- one activity whose GWA maps to v (a task counts once per vector, however
-- many of the vector's activities it involves; a task linked to GWAs of
-- several vectors counts in each of them), and w the weights of task_score:
--
--   score(o, v)      = sum(w * exposure) / sum(w) over the rated tasks of T(v)
--                      (0-100, higher = more exposed; NULL: no rated task in v)
--   task_share(o, v) = sum(w over T(v)) / sum(w over all tasks of o)   (0-1)
--   tasks(o, v)      = |T(v)|
--
-- The shares of an occupation's four vectors need not add up to 1: a task
-- can sit in several vectors, and a task without activities in none.

CREATE TABLE airesilience.exposure_vector (
    vector      text PRIMARY KEY CHECK (vector ~ '^[a-z][a-z0-9_]*$'),
    position    smallint NOT NULL UNIQUE,
    description text NOT NULL CHECK (description <> ''),
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.exposure_vector IS
    'Exposure vectors: kinds of technology that act on work (the four of the NexFuture page are built in)';
COMMENT ON COLUMN airesilience.exposure_vector.position IS 'Order of the vector in reports';
COMMENT ON COLUMN airesilience.exposure_vector.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.exposure_vector.vector IS
    'Vector name: lower case letters, digits and underscores (for example workflow_automation)';
COMMENT ON COLUMN airesilience.exposure_vector.description IS
    'The kind of technology that would act on the work, and which activities it covers';
INSERT INTO airesilience.exposure_vector (vector, position, description, builtin) VALUES
    ('workflow_automation', 1,
     'Workflow automation, decision-support software and process digitisation: processing, checking and recording information, working with computers, scheduling, administration, and coordinating people, work and resources',
     true),
    ('content_generation', 2,
     'Content generation and language-model tools: creating designs and documents, explaining, teaching, selling, and communicating with people',
     true),
    ('analysis', 3,
     'AI-assisted analysis, pattern recognition and predictive modelling: gathering, analysing and judging information, estimating, deciding, planning strategy, and advising',
     true),
    ('physical_automation', 4,
     'Physical automation, robotics and sensors: monitoring surroundings, inspecting, handling objects, operating machines and vehicles, repairing equipment, and physical care for people',
     true);
CREATE TRIGGER exposure_vector_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.exposure_vector
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER exposure_vector_builtin_truncate BEFORE TRUNCATE ON airesilience.exposure_vector
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- Which vector each O*NET generalized work activity belongs to.  The rule:
-- the vector of the technology that would take over or assist the activity.
--   * Acting on objects, bodies, machines or surroundings -> physical_automation
--     (this includes monitoring and inspecting, done by sensors and vision,
--     and caring for others, hands-on work).
--   * Moving, checking, recording and administering information and work
--     -> workflow_automation (including rule-based compliance checks:
--     decision support; and coordinating and directing people and work).
--   * Reasoning over information to a judgment, estimate, decision or
--     advice -> analysis.
--   * Producing language, designs or material for people, and talking with
--     them -> content_generation: what AI does in communication, teaching
--     and selling is produce the message.
-- Documenting/Recording Information is content_generation: most of its
-- intermediate activities in O*NET 29.3 prepare documents, reports and
-- written material; record keeping proper is a minority of them.  O*NET 29.3
-- links detailed activities to 37 of the 41 GWAs; the other four
-- (4.A.3.b.2, 4.A.3.b.5, 4.A.4.b.1, 4.A.4.b.2) are mapped for later releases.
CREATE TABLE airesilience.activity_vector (
    gwa_id      text PRIMARY KEY CHECK (gwa_id ~ '^[0-9]+(\.[0-9A-Za-z]+)+$'),
    vector      text NOT NULL REFERENCES airesilience.exposure_vector ON UPDATE CASCADE,
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.activity_vector IS
    'The exposure vector of each O*NET generalized work activity (GWA); the 41 GWAs of O*NET are built in';
COMMENT ON COLUMN airesilience.activity_vector.gwa_id IS 'O*NET GWA element id (work_activity.gwa_id), for example 4.A.2.a.4';
COMMENT ON COLUMN airesilience.activity_vector.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.activity_vector.vector IS
    'The exposure vector the activity belongs to (exposure_vector.vector)';
INSERT INTO airesilience.activity_vector (gwa_id, vector, builtin) VALUES
    -- Information input
    ('4.A.1.a.1', 'analysis',            true),  -- Getting Information
    ('4.A.1.a.2', 'physical_automation', true),  -- Monitoring Processes, Materials, or Surroundings
    ('4.A.1.b.1', 'analysis',            true),  -- Identifying Objects, Actions, and Events
    ('4.A.1.b.2', 'physical_automation', true),  -- Inspecting Equipment, Structures, or Materials
    ('4.A.1.b.3', 'analysis',            true),  -- Estimating the Quantifiable Characteristics of Products, Events, or Information
    -- Mental processes
    ('4.A.2.a.1', 'analysis',            true),  -- Judging the Qualities of Objects, Services, or People
    ('4.A.2.a.2', 'workflow_automation', true),  -- Processing Information
    ('4.A.2.a.3', 'workflow_automation', true),  -- Evaluating Information to Determine Compliance with Standards
    ('4.A.2.a.4', 'analysis',            true),  -- Analyzing Data or Information
    ('4.A.2.b.1', 'analysis',            true),  -- Making Decisions and Solving Problems
    ('4.A.2.b.2', 'content_generation',  true),  -- Thinking Creatively
    ('4.A.2.b.3', 'analysis',            true),  -- Updating and Using Relevant Knowledge
    ('4.A.2.b.4', 'analysis',            true),  -- Developing Objectives and Strategies
    ('4.A.2.b.5', 'workflow_automation', true),  -- Scheduling Work and Activities
    ('4.A.2.b.6', 'workflow_automation', true),  -- Organizing, Planning, and Prioritizing Work
    -- Work output
    ('4.A.3.a.1', 'physical_automation', true),  -- Performing General Physical Activities
    ('4.A.3.a.2', 'physical_automation', true),  -- Handling and Moving Objects
    ('4.A.3.a.3', 'physical_automation', true),  -- Controlling Machines and Processes
    ('4.A.3.a.4', 'physical_automation', true),  -- Operating Vehicles, Mechanized Devices, or Equipment
    ('4.A.3.b.1', 'workflow_automation', true),  -- Working with Computers
    ('4.A.3.b.2', 'content_generation',  true),  -- Drafting, Laying Out, and Specifying Technical Devices, Parts, and Equipment
    ('4.A.3.b.4', 'physical_automation', true),  -- Repairing and Maintaining Mechanical Equipment
    ('4.A.3.b.5', 'physical_automation', true),  -- Repairing and Maintaining Electronic Equipment
    ('4.A.3.b.6', 'content_generation',  true),  -- Documenting/Recording Information
    -- Interacting with others
    ('4.A.4.a.1', 'content_generation',  true),  -- Interpreting the Meaning of Information for Others
    ('4.A.4.a.2', 'content_generation',  true),  -- Communicating with Supervisors, Peers, or Subordinates
    ('4.A.4.a.3', 'content_generation',  true),  -- Communicating with People Outside the Organization
    ('4.A.4.a.4', 'content_generation',  true),  -- Establishing and Maintaining Interpersonal Relationships
    ('4.A.4.a.5', 'physical_automation', true),  -- Assisting and Caring for Others
    ('4.A.4.a.6', 'content_generation',  true),  -- Selling or Influencing Others
    ('4.A.4.a.7', 'content_generation',  true),  -- Resolving Conflicts and Negotiating with Others
    ('4.A.4.a.8', 'content_generation',  true),  -- Performing for or Working Directly with the Public
    ('4.A.4.b.1', 'workflow_automation', true),  -- Coordinating the Work and Activities of Others
    ('4.A.4.b.2', 'workflow_automation', true),  -- Developing and Building Teams
    ('4.A.4.b.3', 'content_generation',  true),  -- Training and Teaching Others
    ('4.A.4.b.4', 'workflow_automation', true),  -- Guiding, Directing, and Motivating Subordinates
    ('4.A.4.b.5', 'content_generation',  true),  -- Coaching and Developing Others
    ('4.A.4.b.6', 'analysis',            true),  -- Providing Consultation and Advice to Others
    ('4.A.4.c.1', 'workflow_automation', true),  -- Performing Administrative Activities
    ('4.A.4.c.2', 'workflow_automation', true),  -- Staffing Organizational Units
    ('4.A.4.c.3', 'workflow_automation', true);  -- Monitoring and Controlling Resources
CREATE TRIGGER activity_vector_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.activity_vector
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER activity_vector_builtin_truncate BEFORE TRUNCATE ON airesilience.activity_vector
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

CREATE VIEW airesilience.exposure_vector_report AS
SELECT s.onet_code,
       v.vector,
       airesilience.weighted_resilience(s.exposure, s.weight) FILTER (WHERE t.task_id IS NOT NULL) AS score,
       -- weighted mean of 1 x [task in v], computed on 0-100 and scaled
       airesilience.weighted_resilience(CASE WHEN t.task_id IS NOT NULL THEN 100 ELSE 0 END, s.weight) / 100 AS task_share,
       count(t.task_id) AS tasks
  FROM airesilience.task_score s
 CROSS JOIN airesilience.exposure_vector v
  LEFT JOIN (SELECT DISTINCT ta.onet_code, ta.task_id, av.vector
               FROM airesilience.task_activity ta
               JOIN airesilience.work_activity wa ON wa.dwa_id = ta.dwa_id
               JOIN airesilience.activity_vector av ON av.gwa_id = wa.gwa_id) t
         ON t.onet_code = s.onet_code AND t.task_id = s.task_id AND t.vector = v.vector
 GROUP BY s.onet_code, v.vector;
COMMENT ON VIEW airesilience.exposure_vector_report IS
    'Occupation x exposure vector: weighted mean exposure (0-100) of the tasks whose work activities fall in the vector, their share of the task weight, and their number';
COMMENT ON COLUMN airesilience.exposure_vector_report.score IS
    'sum(w x exposure) / sum(w) over the rated tasks linked to the vector''s activities, 0-100 (higher = more exposed); NULL when none is rated';
COMMENT ON COLUMN airesilience.exposure_vector_report.task_share IS
    'Weight of the tasks linked to the vector / weight of all the occupation''s tasks, 0-1';
COMMENT ON COLUMN airesilience.exposure_vector_report.tasks IS 'Tasks linked to the vector''s activities';
COMMENT ON COLUMN airesilience.exposure_vector_report.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON COLUMN airesilience.exposure_vector_report.vector IS
    'The exposure vector (exposure_vector.vector)';

SELECT pg_catalog.pg_extension_config_dump('airesilience.exposure_vector', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.activity_vector', 'WHERE NOT builtin');
