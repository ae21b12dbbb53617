-- airesilience loader (loader/public.sql): O*NET 29.3, the occupations,
-- tasks, job zones, skills, related occupations and work activities.

------------------------------------------------------------------------------
-- O*NET 29.3: occupations and tasks
------------------------------------------------------------------------------

SELECT pg_temp.stage('onet/Occupation Data.txt',
    '{code,title,description}',
    '{O*NET-SOC Code,Title,Description}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Occupation Data.txt');
    PERFORM pg_temp.require_onet_code('onet/Occupation Data.txt', 'code');
    PERFORM pg_temp.require_text('onet/Occupation Data.txt', 'title', '\S', 'a title');
    PERFORM pg_temp.require_unique('onet/Occupation Data.txt', 't.code', 'O*NET-SOC Code');
END $$;
CREATE TEMP TABLE new_occupation ON COMMIT DROP AS
SELECT code AS onet_code, btrim(title) AS title, nullif(btrim(description), '') AS description,
       NULL::text AS category, NULL::smallint AS job_zone
  FROM pg_temp."onet/Occupation Data.txt";
ALTER TABLE new_occupation ADD PRIMARY KEY (onet_code);
SELECT pg_temp.progress('onet/Occupation Data.txt', (SELECT count(*) FROM pg_temp.new_occupation), NULL, NULL);

SELECT pg_temp.stage('onet/Task Statements.txt',
    '{code,title,task_id,task,task_type,incumbents,date,domain_source}',
    '{O*NET-SOC Code,Title,Task ID,Task,Task Type,Incumbents Responding,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Task Statements.txt');
    PERFORM pg_temp.require_onet_code('onet/Task Statements.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Task Statements.txt', 'code');
    PERFORM pg_temp.require_number('onet/Task Statements.txt', 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_text('onet/Task Statements.txt', 'task', '\S', 'a task statement');
    PERFORM pg_temp.require_text('onet/Task Statements.txt', 'task_type', '^(Core|Supplemental)$', 'Core or Supplemental', optional => true);
    PERFORM pg_temp.require_unique('onet/Task Statements.txt', 't.code, t.task_id::integer', 'task (O*NET-SOC Code, Task ID)');
END $$;
CREATE TEMP TABLE new_task ON COMMIT DROP AS
SELECT code AS onet_code, task_id::integer AS task_id, btrim(task) AS description,
       lower(task_type) AS task_type,
       CASE WHEN task_type IS NOT NULL THEN 'release' END AS task_type_source,
       NULL::float8 AS importance, NULL::float8 AS relevance, NULL::float8 AS frequency
  FROM pg_temp."onet/Task Statements.txt";
ALTER TABLE new_task ADD PRIMARY KEY (onet_code, task_id);
SELECT pg_temp.progress('onet/Task Statements.txt', (SELECT count(*) FROM pg_temp.new_task), NULL,
    format('tasks of %s occupations', (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task)));


------------------------------------------------------------------------------
-- O*NET 29.3: job zones, skills, related occupations, work activities
------------------------------------------------------------------------------

SELECT pg_temp.stage('onet/Job Zones.txt',
    '{code,title,job_zone,date,domain_source}',
    '{O*NET-SOC Code,Title,Job Zone,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Job Zones.txt');
    PERFORM pg_temp.require_onet_code('onet/Job Zones.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Job Zones.txt', 'code');
    PERFORM pg_temp.require_number('onet/Job Zones.txt', 'job_zone', 1, 5, integral => true);
    PERFORM pg_temp.require_unique('onet/Job Zones.txt', 't.code', 'O*NET-SOC Code');
END $$;
UPDATE pg_temp.new_occupation o SET job_zone = z.job_zone::smallint
  FROM pg_temp."onet/Job Zones.txt" z WHERE z.code = o.onet_code;
SELECT pg_temp.progress('onet/Job Zones.txt', (SELECT count(*) FROM pg_temp."onet/Job Zones.txt"), NULL, NULL);

-- Skills: a line per (occupation, skill, scale); the IM and LV lines of a
-- skill become the importance and level of one occupation_skill row.
SELECT pg_temp.stage('onet/Skills.tsv',
    '{code,title,element_id,element_name,scale_id,scale_name,data_value,n,standard_error,lower_ci,upper_ci,recommend_suppress,not_relevant,date,domain_source}',
    '{O*NET-SOC Code,Title,Element ID,Element Name,Scale ID,Scale Name,Data Value,N,Standard Error,Lower CI Bound,Upper CI Bound,Recommend Suppress,Not Relevant,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Skills.tsv');
    PERFORM pg_temp.require_onet_code('onet/Skills.tsv', 'code');
    PERFORM pg_temp.require_occupation('onet/Skills.tsv', 'code');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'element_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an O*NET element ID');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'element_name', '\S', 'a skill name');
    PERFORM pg_temp.require_text('onet/Skills.tsv', 'scale_id', '^(IM|LV)$', 'IM or LV');
    PERFORM pg_temp.require_number('onet/Skills.tsv', 'data_value', 0, 7);
    PERFORM pg_temp.reject('onet/Skills.tsv', $q$t.scale_id = 'IM' AND t.data_value::numeric < 1$q$,
        $q$format('Data Value %s is out of range for scale IM (1 to 5)', pg_temp.shown(t.data_value))$q$, '22003');
    PERFORM pg_temp.reject('onet/Skills.tsv', $q$t.scale_id = 'IM' AND t.data_value::numeric > 5$q$,
        $q$format('Data Value %s is out of range for scale IM (1 to 5)', pg_temp.shown(t.data_value))$q$, '22003');
    PERFORM pg_temp.require_unique('onet/Skills.tsv', 't.code, t.element_id, t.scale_id', '(O*NET-SOC Code, Element ID, Scale ID)');
END $$;
CREATE TEMP TABLE new_skill ON COMMIT DROP AS
SELECT code AS onet_code, element_id AS skill_id, min(btrim(element_name)) AS skill_name,
       max(data_value::float8) FILTER (WHERE scale_id = 'IM') AS importance,
       max(data_value::float8) FILTER (WHERE scale_id = 'LV') AS level
  FROM pg_temp."onet/Skills.tsv"
 GROUP BY code, element_id;
SELECT pg_temp.progress('onet/Skills.tsv', (SELECT count(*) FROM pg_temp."onet/Skills.tsv"), NULL,
    format('%s occupation skills of %s occupations (IM and LV pivoted)',
           (SELECT count(*) FROM pg_temp.new_skill), (SELECT count(DISTINCT onet_code) FROM pg_temp.new_skill)));

SELECT pg_temp.stage('onet/Related Occupations.txt',
    '{code,title,related_code,related_title,tier,index}',
    '{O*NET-SOC Code,Title,Related O*NET-SOC Code,Related Title,Relatedness Tier,Index}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Related Occupations.txt');
    PERFORM pg_temp.require_onet_code('onet/Related Occupations.txt', 'code');
    PERFORM pg_temp.require_onet_code('onet/Related Occupations.txt', 'related_code');
    PERFORM pg_temp.require_occupation('onet/Related Occupations.txt', 'code');
    PERFORM pg_temp.require_occupation('onet/Related Occupations.txt', 'related_code');
    PERFORM pg_temp.reject('onet/Related Occupations.txt', 't.code = t.related_code',
        $q$format('occupation %s is related to itself', t.code)$q$, '22023');
    PERFORM pg_temp.require_text('onet/Related Occupations.txt', 'tier', '^(Primary-Short|Primary-Long|Supplemental)$', 'Primary-Short, Primary-Long or Supplemental');
    PERFORM pg_temp.require_number('onet/Related Occupations.txt', 'index', 1, 20, integral => true);
    PERFORM pg_temp.require_unique('onet/Related Occupations.txt', 't.code, t.related_code', '(O*NET-SOC Code, Related O*NET-SOC Code)');
END $$;
SELECT pg_temp.progress('onet/Related Occupations.txt', (SELECT count(*) FROM pg_temp."onet/Related Occupations.txt"), NULL, NULL);

-- Work activities: DWA -> IWA -> GWA, one row per DWA.  The IWA of every
-- DWA must be listed in IWA Reference.
SELECT pg_temp.stage('onet/IWA Reference.txt',
    '{gwa_id,gwa_title,iwa_id,iwa_title}',
    '{Element ID,Element Name,IWA ID,IWA Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/IWA Reference.txt');
    PERFORM pg_temp.require_text('onet/IWA Reference.txt', 'iwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an IWA ID');
    PERFORM pg_temp.require_unique('onet/IWA Reference.txt', 't.iwa_id', 'IWA ID');
END $$;
SELECT pg_temp.progress('onet/IWA Reference.txt', (SELECT count(*) FROM pg_temp."onet/IWA Reference.txt"), NULL,
    'the IWAs work activities may belong to');

SELECT pg_temp.stage('onet/DWA Reference.txt',
    '{gwa_id,gwa_title,iwa_id,iwa_title,dwa_id,dwa_title}',
    '{Element ID,Element Name,IWA ID,IWA Title,DWA ID,DWA Title}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/DWA Reference.txt');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'gwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'a GWA element ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'gwa_title', '\S', 'a title');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'iwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'an IWA ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'iwa_title', '\S', 'a title');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'dwa_id', '^[0-9]+(\.[0-9A-Za-z]+)+$', 'a DWA ID');
    PERFORM pg_temp.require_text('onet/DWA Reference.txt', 'dwa_title', '\S', 'a title');
    PERFORM pg_temp.reject('onet/DWA Reference.txt',
        $q$NOT EXISTS (SELECT FROM pg_temp."onet/IWA Reference.txt" i WHERE i.iwa_id = t.iwa_id)$q$,
        $q$format('IWA ID %s is not in "onet/IWA Reference.txt"', pg_temp.shown(t.iwa_id))$q$, '23503');
    PERFORM pg_temp.require_unique('onet/DWA Reference.txt', 't.dwa_id', 'DWA ID');
END $$;
CREATE TEMP TABLE new_work_activity ON COMMIT DROP AS
SELECT dwa_id, btrim(dwa_title) AS dwa_title, iwa_id, btrim(iwa_title) AS iwa_title,
       gwa_id, btrim(gwa_title) AS gwa_title
  FROM pg_temp."onet/DWA Reference.txt";
ALTER TABLE new_work_activity ADD PRIMARY KEY (dwa_id);
SELECT pg_temp.progress('onet/DWA Reference.txt', (SELECT count(*) FROM pg_temp.new_work_activity), NULL, NULL);

SELECT pg_temp.stage('onet/Tasks to DWAs.tsv',
    '{code,title,task_id,task,dwa_id,dwa_title,date,domain_source}',
    '{O*NET-SOC Code,Title,Task ID,Task,DWA ID,DWA Title,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('onet/Tasks to DWAs.tsv');
    PERFORM pg_temp.require_onet_code('onet/Tasks to DWAs.tsv', 'code');
    PERFORM pg_temp.require_number('onet/Tasks to DWAs.tsv', 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_task('onet/Tasks to DWAs.tsv', 'code', 'task_id');
    PERFORM pg_temp.require_text('onet/Tasks to DWAs.tsv', 'dwa_id', '\S', 'a DWA ID');
    PERFORM pg_temp.reject('onet/Tasks to DWAs.tsv',
        'NOT EXISTS (SELECT FROM pg_temp.new_work_activity w WHERE w.dwa_id = t.dwa_id)',
        $q$format('DWA ID %s is not in "onet/DWA Reference.txt"', pg_temp.shown(t.dwa_id))$q$, '23503');
    PERFORM pg_temp.require_unique('onet/Tasks to DWAs.tsv', 't.code, t.task_id::integer, t.dwa_id', '(O*NET-SOC Code, Task ID, DWA ID)');
END $$;
SELECT pg_temp.progress('onet/Tasks to DWAs.tsv', (SELECT count(*) FROM pg_temp."onet/Tasks to DWAs.tsv"), NULL,
    format('activities of %s tasks',
           (SELECT count(*) FROM (SELECT DISTINCT code, task_id FROM pg_temp."onet/Tasks to DWAs.tsv") d)));

