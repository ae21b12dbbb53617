-- airesilience loader (loader/public.sql): BLS Occupational Outlook
-- Handbook profiles (categories) and karpathy's digital AI exposure.

SELECT pg_temp.stage('bls-ooh/occupations.csv',
    '{title,category,slug,soc_code,median_pay_annual,median_pay_hourly,entry_education,work_experience,training,num_jobs_2024,projected_employment_2034,outlook_pct,outlook_desc,employment_change,url}',
    '{title,category,slug,soc_code,median_pay_annual,median_pay_hourly,entry_education,work_experience,training,num_jobs_2024,projected_employment_2034,outlook_pct,outlook_desc,employment_change,url}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('bls-ooh/occupations.csv');
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'category', '^[a-z][a-z0-9-]*$', 'an OOH group slug');
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'slug', '^[a-z0-9][a-z0-9-]*$', 'an OOH profile slug');
    PERFORM pg_temp.require_soc_code('bls-ooh/occupations.csv', 'soc_code', optional => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'median_pay_annual', 1, 1e9, optional => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'num_jobs_2024', 0, 2147483647, optional => true, integral => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'projected_employment_2034', 0, 2147483647, optional => true, integral => true);
    PERFORM pg_temp.require_number('bls-ooh/occupations.csv', 'outlook_pct', -100, 10000, optional => true);
    PERFORM pg_temp.require_text('bls-ooh/occupations.csv', 'url', '^https?://', 'a URL');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 't.slug', 'slug');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 't.soc_code', 'soc_code');
    PERFORM pg_temp.require_unique('bls-ooh/occupations.csv', 'lower(btrim(t.url))', 'url');
END $$;

-- The OOH profile of each O*NET occupation: the profile whose soc_code is
-- the occupation's SOC code, else (profiles spanning several SOC codes have
-- none) the profile page the NEM crosswalk gives for the O*NET code, the
-- URL compared case-insensitively (BLS writes /OOH/, karpathy /ooh/).
-- The first rule wins where both apply (29-2031.00 keeps its own SOC code's
-- profile, not the sonographers page the crosswalk lists).
CREATE TEMP TABLE occupation_profile ON COMMIT DROP AS
SELECT o.onet_code, coalesce(by_soc.slug, by_url.slug) AS slug,
       coalesce(by_soc.category, by_url.category) AS category,
       CASE WHEN by_soc.slug IS NOT NULL THEN 'soc_code' ELSE 'crosswalk' END AS matched_by
  FROM pg_temp.new_occupation o
  LEFT JOIN pg_temp."bls-ooh/occupations.csv" by_soc ON by_soc.soc_code = left(o.onet_code, 7)
  LEFT JOIN pg_temp.nem n ON n.onet_code = o.onet_code
  LEFT JOIN pg_temp."bls-ooh/occupations.csv" by_url ON lower(btrim(by_url.url)) = n.ooh_url
 WHERE by_soc.slug IS NOT NULL OR by_url.slug IS NOT NULL;
ALTER TABLE occupation_profile ADD PRIMARY KEY (onet_code);

-- Occupations no OOH profile covers get the OOH group of their SOC major
-- group (the first 2 digits) or, where a major group spans several OOH
-- groups, of their minor group (the longest matching prefix wins):
--   11 Management                                   -> management
--   13 Business and Financial Operations            -> business-and-financial
--   15 Computer and Mathematical                    -> computer-and-information-technology
--      15-2 Mathematical Science                    -> math
--   17 Architecture and Engineering                 -> architecture-and-engineering
--   19 Life, Physical, and Social Science           -> life-physical-and-social-science
--   21 Community and Social Service                 -> community-and-social-service
--   23 Legal                                        -> legal
--   25 Educational Instruction and Library          -> education-training-and-library
--   27 Arts, Design, Entertainment, Sports, Media   -> arts-and-design
--      27-2 Entertainers, Performers, Sports        -> entertainment-and-sports
--      27-3, 27-4 Media and Communication           -> media-and-communication
--   29 Healthcare Practitioners and Technical       -> healthcare
--   31 Healthcare Support                           -> healthcare
--   33 Protective Service                           -> protective-service
--   35 Food Preparation and Serving Related         -> food-preparation-and-serving
--   37 Building and Grounds Cleaning, Maintenance   -> building-and-grounds-cleaning
--   39 Personal Care and Service                    -> personal-care-and-service
--   41 Sales and Related                            -> sales
--   43 Office and Administrative Support            -> office-and-administrative-support
--   45 Farming, Fishing, and Forestry               -> farming-fishing-and-forestry
--   47 Construction and Extraction                  -> construction-and-extraction
--   49 Installation, Maintenance, and Repair        -> installation-maintenance-and-repair
--   51 Production                                   -> production
--   53 Transportation and Material Moving           -> transportation-and-material-moving
--   55 Military Specific                            -> military
-- Each is the group the OOH files most of that SOC group's profiles under.
CREATE TEMP TABLE soc_group_category (prefix text PRIMARY KEY, category text NOT NULL) ON COMMIT DROP;
INSERT INTO soc_group_category VALUES
    ('11', 'management'), ('13', 'business-and-financial'),
    ('15', 'computer-and-information-technology'), ('15-2', 'math'),
    ('17', 'architecture-and-engineering'), ('19', 'life-physical-and-social-science'),
    ('21', 'community-and-social-service'), ('23', 'legal'),
    ('25', 'education-training-and-library'),
    ('27', 'arts-and-design'), ('27-2', 'entertainment-and-sports'),
    ('27-3', 'media-and-communication'), ('27-4', 'media-and-communication'),
    ('29', 'healthcare'), ('31', 'healthcare'), ('33', 'protective-service'),
    ('35', 'food-preparation-and-serving'), ('37', 'building-and-grounds-cleaning'),
    ('39', 'personal-care-and-service'), ('41', 'sales'),
    ('43', 'office-and-administrative-support'), ('45', 'farming-fishing-and-forestry'),
    ('47', 'construction-and-extraction'), ('49', 'installation-maintenance-and-repair'),
    ('51', 'production'), ('53', 'transportation-and-material-moving'), ('55', 'military');

-- Titles of the OOH groups as the OOH writes them.  A group not listed here
-- gets its slug with spaces for hyphens, capitalized.
CREATE TEMP TABLE category_title (category text PRIMARY KEY, title text NOT NULL) ON COMMIT DROP;
INSERT INTO category_title VALUES
    ('architecture-and-engineering', 'Architecture and engineering'),
    ('arts-and-design', 'Arts and design'),
    ('building-and-grounds-cleaning', 'Building and grounds cleaning'),
    ('business-and-financial', 'Business and financial'),
    ('community-and-social-service', 'Community and social service'),
    ('computer-and-information-technology', 'Computer and information technology'),
    ('construction-and-extraction', 'Construction and extraction'),
    ('education-training-and-library', 'Education, training, and library'),
    ('entertainment-and-sports', 'Entertainment and sports'),
    ('farming-fishing-and-forestry', 'Farming, fishing, and forestry'),
    ('food-preparation-and-serving', 'Food preparation and serving'),
    ('healthcare', 'Healthcare'),
    ('installation-maintenance-and-repair', 'Installation, maintenance, and repair'),
    ('legal', 'Legal'),
    ('life-physical-and-social-science', 'Life, physical, and social science'),
    ('management', 'Management'),
    ('math', 'Math'),
    ('media-and-communication', 'Media and communication'),
    ('military', 'Military'),
    ('office-and-administrative-support', 'Office and administrative support'),
    ('personal-care-and-service', 'Personal care and service'),
    ('production', 'Production'),
    ('protective-service', 'Protective service'),
    ('sales', 'Sales'),
    ('transportation-and-material-moving', 'Transportation and material moving');

UPDATE pg_temp.new_occupation o
   SET category = coalesce(
           (SELECT p.category FROM pg_temp.occupation_profile p WHERE p.onet_code = o.onet_code),
           (SELECT g.category FROM pg_temp.soc_group_category g
             WHERE o.onet_code LIKE g.prefix || '%' ORDER BY length(g.prefix) DESC LIMIT 1));
DO $$
DECLARE
    missing text;
BEGIN
    SELECT onet_code INTO missing FROM pg_temp.new_occupation WHERE category IS NULL ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'occupation % has no category', missing
            USING ERRCODE = 'not_null_violation',
                  DETAIL = 'No OOH profile covers it and its SOC major group is not in the loader''s group table.';
    END IF;
END
$$;

CREATE TEMP TABLE new_category ON COMMIT DROP AS
SELECT c.category,
       coalesce(t.title, upper(left(c.category, 1)) || replace(substr(c.category, 2), '-', ' ')) AS title
  FROM (SELECT category FROM pg_temp."bls-ooh/occupations.csv"
        UNION SELECT category FROM pg_temp.new_occupation) c
  LEFT JOIN pg_temp.category_title t USING (category);

SELECT pg_temp.progress('bls-ooh/occupations.csv',
    (SELECT count(DISTINCT slug) FROM pg_temp.occupation_profile),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'bls-ooh/occupations.csv')
            - (SELECT count(DISTINCT slug) FROM pg_temp.occupation_profile))::text,
           'profile of no O*NET occupation by soc_code or NEM crosswalk']],
    format('profiles of %s occupations (%s by soc_code, %s by crosswalk); the other %s occupations take their category from their SOC group',
           (SELECT count(*) FROM pg_temp.occupation_profile),
           (SELECT count(*) FROM pg_temp.occupation_profile WHERE matched_by = 'soc_code'),
           (SELECT count(*) FROM pg_temp.occupation_profile WHERE matched_by = 'crosswalk'),
           (SELECT count(*) FROM pg_temp.new_occupation) - (SELECT count(*) FROM pg_temp.occupation_profile)));

-- karpathy's digital AI exposure, 0-10 per OOH profile, in a JSON array.
SELECT pg_temp.stage_lines('bls-ooh/scores.json') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$
DECLARE
    doc jsonb;
    err_message text;
    err_detail text;
    err_context text;
BEGIN
    BEGIN
        SELECT string_agg(coalesce(text, ''), E'\n' ORDER BY line)::jsonb INTO doc
          FROM pg_temp."bls-ooh/scores.json";
    EXCEPTION WHEN invalid_text_representation THEN
        GET STACKED DIAGNOSTICS err_message = MESSAGE_TEXT, err_detail = PG_EXCEPTION_DETAIL,
                                err_context = PG_EXCEPTION_CONTEXT;
        -- The parser says "JSON data, line N", and staged lines are file lines.
        RAISE EXCEPTION 'file "bls-ooh/scores.json", %: %',
              coalesce(substring(err_context FROM 'line [0-9]+'), 'line 1'),
              concat_ws(': ', err_message, nullif(err_detail, ''))
            USING ERRCODE = 'invalid_text_representation';
    END;
    IF coalesce(jsonb_typeof(doc), 'null') <> 'array' THEN
        RAISE EXCEPTION 'file "bls-ooh/scores.json", line 1: a JSON array of profiles was expected'
            USING ERRCODE = 'invalid_text_representation';
    END IF;
    IF jsonb_array_length(doc) = 0 THEN
        RAISE EXCEPTION 'file "bls-ooh/scores.json" has no profiles' USING ERRCODE = 'data_exception';
    END IF;
    CREATE TEMP TABLE scores ON COMMIT DROP AS
    SELECT e.i AS element, e.value->>'slug' AS slug, e.value->'exposure' AS exposure,
           -- the element's line: the line its slug is written on
           coalesce((SELECT min(s.line) FROM pg_temp."bls-ooh/scores.json" s
                      WHERE strpos(s.text, to_jsonb(e.value->>'slug')::text) > 0), 1) AS line
      FROM jsonb_array_elements(doc) WITH ORDINALITY AS e(value, i);
    INSERT INTO pg_temp.staged_file (file, read)
    VALUES ('bls-ooh/scores.json', (SELECT count(*) FROM pg_temp.scores));
END
$$;
SELECT pg_temp.fail('bls-ooh/scores.json', line, format('element %s has no "slug" string', element), '22P02')
  FROM (SELECT * FROM pg_temp.scores WHERE slug IS NULL ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('exposure %s of "%s" is not a number', coalesce(exposure::text, 'missing'), slug), '22P02')
  FROM (SELECT * FROM pg_temp.scores WHERE jsonb_typeof(exposure) IS DISTINCT FROM 'number' ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('exposure %s of "%s" is out of range (0 to 10)', exposure, slug), '22003')
  FROM (SELECT * FROM pg_temp.scores WHERE (exposure::text)::numeric NOT BETWEEN 0 AND 10 ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line, format('duplicate slug "%s"', slug), '23505')
  FROM (SELECT * FROM pg_temp.scores s
         WHERE EXISTS (SELECT FROM pg_temp.scores d WHERE d.slug = s.slug AND d.element < s.element)
         ORDER BY element LIMIT 1) s;
SELECT pg_temp.fail('bls-ooh/scores.json', line,
                    format('slug "%s" is not in "bls-ooh/occupations.csv"', slug), '23503')
  FROM (SELECT * FROM pg_temp.scores s
         WHERE NOT EXISTS (SELECT FROM pg_temp."bls-ooh/occupations.csv" p WHERE p.slug = s.slug)
         ORDER BY element LIMIT 1) s;

INSERT INTO new_source_value
SELECT p.onet_code, 'digital_exposure', (s.exposure::text)::float8
  FROM pg_temp.occupation_profile p JOIN pg_temp.scores s USING (slug);
SELECT pg_temp.progress('bls-ooh/scores.json',
    (SELECT count(*) FROM pg_temp.scores s WHERE EXISTS (SELECT FROM pg_temp.occupation_profile p WHERE p.slug = s.slug)),
    ARRAY[[(SELECT count(*) FROM pg_temp.scores s
             WHERE NOT EXISTS (SELECT FROM pg_temp.occupation_profile p WHERE p.slug = s.slug))::text,
           'profile of no O*NET occupation']],
    format('digital_exposure of %s occupations',
           (SELECT count(*) FROM pg_temp.new_source_value WHERE source = 'digital_exposure')));

