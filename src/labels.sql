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
    CHECK (airesilience.label_scheme_check(cuts, labels))
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
INSERT INTO airesilience.label_scheme (scheme, description, cuts, labels, inclusive, builtin) VALUES
    ('resilience6',
     'CareerVillage''s six labels for a 0-100 resilience score: Highly Resilient above 80, Resilient above 65, Mostly Resilient above 50, Somewhat Resilient above 35, Not Very Resilient above 22, else Vulnerable',
     '{80,65,50,35,22}',
     '{Highly Resilient,Resilient,Mostly Resilient,Somewhat Resilient,Not Very Resilient,Vulnerable}',
     false, true),
    ('change3',
     'Three labels for a 0-100 resilience score, cut where resilience6 is: Stable above 65 (Resilient and above), Evolving above 35, else Changing Fast (below Somewhat Resilient)',
     '{65,35}',
     '{Stable,Evolving,Changing Fast}',
     false, true),
    ('tiers5',
     'The Jobpocalypse tiers, for an exposure-style 0-100 index (higher = more exposed), not a resilience score: Very high at 70 or more, High at 55 or more, Elevated at 40 or more, Moderate at 30 or more, else Low',
     '{70,55,40,30}',
     '{Very high,High,Elevated,Moderate,Low}',
     true, true),
    ('task_bucket',
     'Buckets for a task''s resilience (100 - exposure): Human-led above 60, Mixed above 40, Strong automation pressure above 25, else Highly automatable',
     '{60,40,25}',
     '{Human-led,Mixed,Strong automation pressure,Highly automatable}',
     false, true);
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

SELECT pg_catalog.pg_extension_config_dump('airesilience.label_scheme', 'WHERE NOT builtin');
