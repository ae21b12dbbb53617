-- Seniority: a per-category curve of years of experience -> multiplier,
-- read piecewise-linearly and flat beyond its ends, and the score at a
-- seniority level = clamp(score x multiplier, 0, 100) (see src/seniority.c).

CREATE FUNCTION airesilience.seniority_curve_check(years float8[], multipliers float8[])
RETURNS boolean
AS 'MODULE_PATHNAME', 'seniority_curve_check'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_curve_check(float8[], float8[]) IS
    'true for a valid seniority curve (one-dimensional, no NULLs, same lengths, at least one point, finite, years >= 0 and strictly increasing, multipliers > 0); otherwise an error naming the problem';

CREATE FUNCTION airesilience.seniority_interpolate(years float8[], multipliers float8[], at float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'seniority_interpolate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_interpolate(float8[], float8[], float8) IS
    'Multiplier of a seniority curve at "at" years: piecewise-linear between points, the first multiplier at or below the first point, the last at or beyond the last point (also for Infinity); NaN years -> 22023, negative -> 22003';

CREATE FUNCTION airesilience.seniority_adjust(score float8, multiplier float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'seniority_adjust'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION airesilience.seniority_adjust(float8, float8) IS
    'Score at a seniority: clamp(score x multiplier, 0, 100); score must be in [0, 100], multiplier finite and positive';

-- Named seniority levels, reported for every occupation.
CREATE TABLE airesilience.seniority_level (
    level       text PRIMARY KEY CHECK (level ~ '^[a-z][a-z0-9_]*$'),
    years       float8 NOT NULL CHECK (years >= 0 AND years < 'Infinity'),
    position    smallint NOT NULL UNIQUE,
    description text,
    builtin     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE airesilience.seniority_level IS
    'Named seniority levels and their years of experience (entry, mid, senior, lead are built in)';
COMMENT ON COLUMN airesilience.seniority_level.years IS
    'Years of experience at which the level reads each category''s seniority curve';
COMMENT ON COLUMN airesilience.seniority_level.position IS
    'Order of the level in reports, most junior first';
COMMENT ON COLUMN airesilience.seniority_level.builtin IS
    'Installed by CREATE EXTENSION: read-only and left out of dumps';
COMMENT ON COLUMN airesilience.seniority_level.level IS
    'Level name: lower case letters, digits and underscores (for example entry, lead)';
COMMENT ON COLUMN airesilience.seniority_level.description IS 'What the level stands for';
INSERT INTO airesilience.seniority_level (level, years, position, description, builtin) VALUES
    ('entry',   0, 1, 'Entry level: starting out, no experience in the occupation yet', true),
    ('mid',     4, 2, 'Mid level: about 4 years of experience, works independently', true),
    ('senior',  8, 3, 'Senior: about 8 years of experience, owns complex work and guides others', true),
    ('lead',   15, 4, 'Lead: about 15 years of experience, sets direction for a team or practice', true);
CREATE TRIGGER seniority_level_builtin BEFORE INSERT OR UPDATE OR DELETE ON airesilience.seniority_level
    FOR EACH ROW EXECUTE FUNCTION airesilience.forbid_builtin_change();
CREATE TRIGGER seniority_level_builtin_truncate BEFORE TRUNCATE ON airesilience.seniority_level
    FOR EACH STATEMENT EXECUTE FUNCTION airesilience.forbid_builtin_change();

-- One curve per category.  The CHECK raises the specific error of
-- seniority_curve_check() instead of a bare check violation.
CREATE TABLE airesilience.seniority_curve (
    category    text PRIMARY KEY REFERENCES airesilience.category ON UPDATE CASCADE ON DELETE CASCADE,
    years       float8[] NOT NULL,
    multipliers float8[] NOT NULL,
    description text,
    CHECK (airesilience.seniority_curve_check(years, multipliers))
);
COMMENT ON TABLE airesilience.seniority_curve IS
    'Per-category seniority curve: points (years[i], multipliers[i]), read piecewise-linearly and flat beyond the ends';
COMMENT ON COLUMN airesilience.seniority_curve.years IS
    'Years of experience of the curve''s points: finite, >= 0, strictly increasing';
COMMENT ON COLUMN airesilience.seniority_curve.multipliers IS
    'Multiplier of the score at each point: finite, > 0 (1 leaves the score unchanged)';
COMMENT ON COLUMN airesilience.seniority_curve.category IS
    'The category the curve applies to (category.category)';
COMMENT ON COLUMN airesilience.seniority_curve.description IS
    'Where the curve comes from; the defaults of install_default_seniority_curves() start with "Default curve"';

-- Not SQL: an unknown category must raise an error, not return NULL.
CREATE FUNCTION airesilience.seniority_multiplier(category text, years float8)
RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    curve record;
BEGIN
    SELECT c.years, c.multipliers INTO curve
      FROM airesilience.seniority_curve c
     WHERE c.category = seniority_multiplier.category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no seniority curve for category "%"', seniority_multiplier.category
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Insert the category''s curve into airesilience.seniority_curve.';
    END IF;
    RETURN airesilience.seniority_interpolate(curve.years, curve.multipliers,
                                              seniority_multiplier.years);
END
$$;
COMMENT ON FUNCTION airesilience.seniority_multiplier(text, float8) IS
    'Multiplier of the category''s seniority curve at the given years of experience; no curve for the category -> 22023';

SELECT pg_catalog.pg_extension_config_dump('airesilience.seniority_level', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('airesilience.seniority_curve', '');
