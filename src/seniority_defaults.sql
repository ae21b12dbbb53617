-- Seniority defaults: a seniority curve for every category that has none,
-- derived from how exposed the category's tasks are.
--
-- The public data has categories but no curves, and an occupation whose
-- category has no curve has no seniority rows.  The loader calls
-- install_default_seniority_curves() after loading tasks and ratings; users
-- may call it too.  It never touches a curve that exists, so a curve written
-- by hand always wins.  To recompute the defaults after new ratings, delete
-- them first (their description starts with 'Default curve') and call it again.
--
-- The curve.  E is the category's mean task exposure on 0-1: for each
-- occupation with rated tasks, the weighted mean of its task exposure with
-- the weights of task_score (the "potential" of potential_adoption_report,
-- divided by 100), then the plain mean over the category's occupations, so
-- each occupation counts once however many tasks it lists.  A category
-- without rated tasks gets E = 0.5, the middle of the scale: no evidence
-- either way.  E is rounded to 4 decimals and the multipliers computed from
-- the rounded value, so the curve can be recomputed from its description.
--
--     level    years   multiplier          E = 0    E = 0.5   E = 1
--     entry      0     0.97 - 0.30 E       0.97     0.82      0.67
--     mid        4     1    - 0.08 E       1        0.96      0.92
--     senior     8     1    + 0.04 E       1        1.02      1.04
--     lead      15     1    + 0.08 E       1        1.04      1.08
--
-- (the years are those of the built-in seniority levels).  Why these:
--
-- * Entry level carries the brunt, and more so where tasks are exposed.
--   Juniors are given the routine, codified part of an occupation's work --
--   look-ups, data entry, first drafts, standard cases -- which is the part
--   current AI does best, while exceptions, clients and sign-off go to
--   experienced staff.  The more of a category's tasks are exposed, the
--   more of the junior share is among them: hence the slope in E.  The
--   slope 0.30 puts entry-level resilience 16-19% below mid level in the
--   most exposed categories of the public data (E 0.55-0.69: office
--   support, computer and IT, math) and 4-5% below it in the least exposed
--   (construction, production: E 0.06-0.11).  Brynjolfsson, Chandar and
--   Chen (2025, ADP payroll data) measured a 13% relative employment decline
--   for workers aged 22-25 in the most AI-exposed occupations by mid-2025,
--   while older workers in the same occupations held steady or grew; the
--   default is of that order, somewhat larger, because the score describes
--   exposure still to come rather than losses so far.
-- * The entry multiplier is below 1 even at E = 0 (0.97): the routine part
--   of any occupation is the first that tools absorb, so the default never
--   rates a beginner as resilient as the occupation as a whole.
-- * Mid level (1 - 0.08 E) still carries part of the routine work but owns
--   its results: a small discount, at most 8%.
-- * Senior (1 + 0.04 E) and lead (1 + 0.08 E) work is insulated by judgment,
--   relationships and accountability, which stay human; where AI takes on
--   more of the routine work, whoever directs and checks it gains leverage,
--   so the premium grows with E.  It stays small (at most 8%, and
--   seniority_adjust clamps at 100): seniority insulates within an exposed
--   occupation, it does not make the occupation safe.
-- * The multipliers rise with years for every E (entry < mid <= 1 <= senior
--   < lead), and all are positive, as seniority_curve_check requires.

CREATE FUNCTION airesilience.install_default_seniority_curves()
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
    WITH occupation_exposure AS (
        SELECT s.onet_code, s.potential / 100 AS exposure
          FROM airesilience.occupation_task_summary s
    ), category_exposure AS (
        SELECT c.category,
               round(avg(x.exposure)::numeric, 4)::float8 AS e,
               count(x.exposure) AS rated_occupations,
               count(o.onet_code) AS occupations
          FROM airesilience.category c
          LEFT JOIN airesilience.occupation o ON o.category = c.category
          LEFT JOIN occupation_exposure x ON x.onet_code = o.onet_code
         WHERE NOT EXISTS (SELECT FROM airesilience.seniority_curve sc WHERE sc.category = c.category)
         GROUP BY c.category
    ), level_years AS (
        SELECT max(years) FILTER (WHERE level = 'entry') AS entry,
               max(years) FILTER (WHERE level = 'mid') AS mid,
               max(years) FILTER (WHERE level = 'senior') AS senior,
               max(years) FILTER (WHERE level = 'lead') AS lead
          FROM airesilience.seniority_level
         WHERE builtin
    ), inserted AS (
        INSERT INTO airesilience.seniority_curve AS sc (category, years, multipliers, description)
        SELECT c.category,
               ARRAY[y.entry, y.mid, y.senior, y.lead],
               ARRAY[0.97 - 0.30 * c.e, 1 - 0.08 * c.e, 1 + 0.04 * c.e, 1 + 0.08 * c.e],
               'Default curve (install_default_seniority_curves): '
               || CASE WHEN c.rated_occupations > 0
                       THEN format('E = %s, the mean task exposure of the category''s occupations with rated tasks: %s of %s',
                                   c.e, c.rated_occupations, c.occupations)
                       ELSE format('E = %s assumed, as no occupation of the category has rated tasks: 0 of %s',
                                   c.e, c.occupations)
                  END
               || '; multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E'
          FROM (SELECT category, coalesce(e, 0.5) AS e, rated_occupations, occupations
                  FROM category_exposure) c
         CROSS JOIN level_years y
        ON CONFLICT (category) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted
$$;
COMMENT ON FUNCTION airesilience.install_default_seniority_curves() IS
    'Inserts a default seniority curve for every category without one (never replaces a curve) and returns how many it inserted: years of the built-in levels, multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E, where E (0-1) is the mean over the category''s occupations of their weighted mean task exposure, 0.5 when none has rated tasks';
