-- Labels: band schemes that turn a score into a word.  A scheme is n cuts in
-- strictly decreasing order and n + 1 labels; a score gets the label of the
-- first cut it lies above (at or above, when inclusive), else the last label
-- (see src/labels.c).

CREATE FUNCTION airesilience.label_scheme_check(cuts float8[], labels text[])
RETURNS boolean
AS 'MODULE_PATHNAME', 'label_scheme_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.label_scheme_check(float8[], text[]) IS
    'true for a valid band scheme (one-dimensional arrays without NULLs, finite and strictly decreasing cuts, one more label than cuts, no empty label); otherwise an error naming the problem';

CREATE FUNCTION airesilience.band_label(score float8, cuts float8[], labels text[], inclusive boolean DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'band_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.band_label(float8, float8[], text[], boolean) IS
    'labels[i] for the first of the descending cuts that score exceeds (or reaches, when inclusive), else the last label; NaN score -> 22023';

CREATE TABLE airesilience.label_scheme (
    scheme      text PRIMARY KEY CHECK (scheme ~ '^[a-z][a-z0-9_]*$'),
    description text,
    cuts        float8[] NOT NULL,
    labels      text[] NOT NULL,
    inclusive   boolean NOT NULL DEFAULT false,
    builtin     boolean NOT NULL DEFAULT false,
    meanings    text[],
    CHECK (airesilience.label_scheme_check(cuts, labels)),
    CONSTRAINT label_scheme_meanings_check
        CHECK (meanings IS NULL
               OR (pg_catalog.array_ndims(meanings) = 1
                   AND pg_catalog.cardinality(meanings) = pg_catalog.cardinality(labels)
                   AND pg_catalog.array_position(meanings, NULL) IS NULL))
);
COMMENT ON TABLE airesilience.label_scheme IS
    'Band schemes: descending cuts and their labels, applicable to any score';
COMMENT ON COLUMN airesilience.label_scheme.cuts IS
    'Band boundaries, finite and strictly decreasing';
COMMENT ON COLUMN airesilience.label_scheme.labels IS
    'One label per band, best band first: one more label than cuts';
COMMENT ON COLUMN airesilience.label_scheme.inclusive IS
    'false: a score must exceed a cut to reach its band (score > cut); true: reaching it is enough (score >= cut)';
COMMENT ON COLUMN airesilience.label_scheme.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.label_scheme.meanings IS
    'One sentence per label, in the order of labels: what a score with that label means (NULL: none written)';
COMMENT ON COLUMN airesilience.label_scheme.scheme IS
    'Scheme name: lower case letters, digits and underscores (for example resilience6)';
COMMENT ON COLUMN airesilience.label_scheme.description IS
    'What the scheme is for and where its cuts come from';
-- The meanings are the project's own words.  task_bucket's cuts lie halfway
-- between the exposures two raters on the E0/E2/E1 scale (0/50/100) can
-- give a task together: 0, 25, 50, 75 and 100, so resilience 100, 75, 50,
-- 25, 0; each bucket is reached by at least one of them, and a continuous
-- rating is bucketed by the nearest grid point (docs/model.md).
INSERT INTO airesilience.label_scheme (scheme, description, cuts, labels, inclusive, builtin, meanings) VALUES
    ('resilience6',
     'CareerVillage''s six labels for a 0-100 resilience score: Highly Resilient above 80, Resilient above 65, Mostly Resilient above 50, Somewhat Resilient above 35, Not Very Resilient above 22, else Vulnerable',
     '{80,65,50,35,22}',
     '{Highly Resilient,Resilient,Mostly Resilient,Somewhat Resilient,Not Very Resilient,Vulnerable}',
     false, true,
     ARRAY['Above 80: the work rests on what current AI does worst, so the role is expected to change little.',
           'Above 65: AI may take over some supporting tasks, but the core of the work stays with people.',
           'Above 50: some of the tasks will change with AI while most of the role holds.',
           'Above 35: a substantial part of the work is within reach of AI, so the role is likely to be reshaped.',
           'Above 22: much of the routine work can already be done or sped up by AI, and the role is changing.',
           '22 or less: most of the tasks are within reach of current AI, so the job is likely to change fast or shrink.']),
    ('change3',
     'Three labels for a 0-100 resilience score, cut where resilience6 is: Stable above 65 (Resilient and above), Evolving above 35, else Changing Fast (below Somewhat Resilient)',
     '{65,35}',
     '{Stable,Evolving,Changing Fast}',
     false, true,
     ARRAY['Above 65: the role is expected to keep its shape as AI spreads.',
           'Above 35 and up to 65: parts of the role are changing with AI while its core holds.',
           '35 or less: AI is transforming the role, starting with its routine and entry-level tasks.']),
    ('tiers5',
     'The Jobpocalypse tiers, for an exposure-style 0-100 index (higher = more exposed), not a resilience score: Very high at 70 or more, High at 55 or more, Elevated at 40 or more, Moderate at 30 or more, else Low',
     '{70,55,40,30}',
     '{Very high,High,Elevated,Moderate,Low}',
     true, true,
     ARRAY['Exposure index 70 or more: very high exposure to AI, most of the weighted work is feasible for current AI.',
           'Exposure index 55 to under 70: high exposure to AI, more than half of the weighted work is exposed.',
           'Exposure index 40 to under 55: elevated exposure to AI, a large minority of the work is exposed.',
           'Exposure index 30 to under 40: moderate exposure to AI, which reaches some of the tasks.',
           'Exposure index under 30: low exposure to AI, little of the work is within its reach.']),
    ('task_bucket',
     'Buckets for a task''s resilience (100 - exposure), cut halfway between the values two E0/E2/E1 raters can give: Human-led above 62.5 (exposure 25 or less), Mixed above 37.5 (exposure 50), Strong automation pressure above 12.5 (exposure 75), else Highly automatable (exposure 100)',
     '{62.5,37.5,12.5}',
     '{Human-led,Mixed,Strong automation pressure,Highly automatable}',
     false, true,
     ARRAY['Exposure 25 or less (no rater finds the task directly exposed): people keep doing this task.',
           'Exposure about 50 (exposed only with extra software, or the raters split): AI assists while people lead.',
           'Exposure about 75 (one rater finds it directly exposed, the other with extra software): AI can do much of this task.',
           'Exposure 100 (every rater finds it directly exposed): AI can do this task now.']);
CREATE TRIGGER label_scheme_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.label_scheme
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER label_scheme_builtin_truncate BEFORE TRUNCATE ON airesilience.label_scheme
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- In C, to read the scheme once per query rather than once per row (see
-- src/labels.c); an unknown scheme is an error, not NULL.
CREATE FUNCTION airesilience.score_label(score float8, scheme text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'score_label'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.score_label(float8, text) IS
    'Label of a score under the named scheme; scheme NULL: the one named by the setting airesilience.label_scheme (resilience6 when unset or empty); NULL score -> NULL; unknown scheme -> 22023';

-- The label tables: one row per band of each scheme, with its bounds and
-- meaning, for documents and for readers.
CREATE VIEW airesilience.label_band AS
SELECT l.scheme,
       b.position::integer AS position,
       b.label,
       l.cuts[b.position::integer] AS lower_bound,
       l.cuts[b.position::integer - 1] AS upper_bound,
       l.inclusive,
       l.meanings[b.position::integer] AS meaning
  FROM airesilience.label_scheme l
 CROSS JOIN LATERAL pg_catalog.unnest(l.labels) WITH ORDINALITY AS b (label, position);
COMMENT ON VIEW airesilience.label_band IS
    'One row per label of each scheme, best band first: its bounds and its one-sentence meaning';
COMMENT ON COLUMN airesilience.label_band.lower_bound IS
    'The cut a score must exceed (reach, when inclusive) for this label; NULL for the last band';
COMMENT ON COLUMN airesilience.label_band.upper_bound IS
    'The cut of the band above (a score exceeding it, or reaching it when inclusive, gets the label above); NULL for the first band';
COMMENT ON COLUMN airesilience.label_band.scheme IS 'The label scheme (label_scheme.scheme)';
COMMENT ON COLUMN airesilience.label_band.position IS
    'Order of the band in the scheme, 1 = best (highest scores)';
COMMENT ON COLUMN airesilience.label_band.label IS 'The band''s label';
COMMENT ON COLUMN airesilience.label_band.inclusive IS
    'false: a score must exceed lower_bound; true: reaching it is enough';
COMMENT ON COLUMN airesilience.label_band.meaning IS
    'What a score with this label means; NULL when the scheme has no meanings';

-- The meaning of a label in a scheme (NULL scheme: the setting, as
-- score_label), for the document beside each label.
CREATE FUNCTION airesilience.label_meaning(label text, scheme text DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT l.meanings[pg_catalog.array_position(l.labels, label_meaning.label)]
      FROM airesilience.label_scheme l
     WHERE l.scheme OPERATOR(pg_catalog.=) coalesce(label_meaning.scheme,
                                                    nullif(pg_catalog.current_setting('airesilience.label_scheme', true), ''),
                                                    'resilience6');
END;
COMMENT ON FUNCTION airesilience.label_meaning(text, text) IS
    'The one-sentence meaning of a label in a scheme (the airesilience.label_scheme setting when NULL, as score_label); NULL for an unknown label or scheme';

SELECT pg_catalog.pg_extension_config_dump('airesilience.label_scheme', 'WHERE NOT builtin');
