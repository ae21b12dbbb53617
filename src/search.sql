-- Occupation search: by title and alternate titles, typo-tolerant and
-- ranked, with pg_trgm (PostgreSQL contrib).
--
-- An occupation is found by its O*NET title or by any of its alternate
-- titles (occupation_alias): the names other datasets give it, which the
-- public-data loader collects, or names users add.  Matching compares
-- trigrams (the three-letter pieces of each lower-cased word), so a
-- misspelt or partial query still finds its occupation: 'medcal recrds'
-- shares half of its trigrams with 'Medical Records Specialists'.
--
-- pg_trgm is a required extension (airesilience.control), installed in a
-- schema of the user's choice, where other roles may be allowed to create
-- objects.  So nothing here finds pg_trgm through a search_path: the
-- indexes and search_occupations() are made by a DO block at the end of
-- this file that names pg_trgm's operator classes, operators and functions
-- with the schema pg_trgm is in now.  pg_trgm must therefore stay there
-- (ALTER EXTENSION pg_trgm SET SCHEMA would break the search until the
-- extension is created again).

CREATE TABLE airesilience.occupation_alias (
    onet_code   text NOT NULL REFERENCES airesilience.occupation ON UPDATE CASCADE ON DELETE CASCADE,
    alias       text NOT NULL CHECK (alias ~ '\S' AND alias = btrim(alias) AND length(alias) <= 200),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_]*$'),
    PRIMARY KEY (onet_code, alias)
);
-- The same name in another case is the same alias.
CREATE UNIQUE INDEX occupation_alias_lower_idx ON airesilience.occupation_alias (onet_code, lower(alias));
COMMENT ON TABLE airesilience.occupation_alias IS
    'Alternate titles of occupations, searched with their titles by search_occupations()';
COMMENT ON COLUMN airesilience.occupation_alias.alias IS
    'Another name of the occupation: unique per occupation ignoring case, trimmed, at most 200 characters';
COMMENT ON COLUMN airesilience.occupation_alias.source IS
    'Where the name comes from: bls_ooh, bls_projections, frey_osborne (the public-data loader, which replaces these) or any other word for names added by hand';
COMMENT ON COLUMN airesilience.occupation_alias.onet_code IS
    'O*NET-SOC code of the occupation, NN-NNNN.NN';
COMMENT ON INDEX airesilience.occupation_alias_lower_idx IS
    'One alias per occupation and name, whatever its case';

-- Ranking.  Each name of an occupation (its title and every alias) scores
--     word_similarity(query, name)
-- pg_trgm's similarity between the query and the stretch of the name that
-- matches it best: shared trigrams / (the query's + the stretch's - shared),
-- 0-1.  'nurse' scores 1 in 'Nurse Midwives' and 5/6 in 'Registered
-- Nurses' (the stretch 'nurs' lacks 'se '); each typo costs the trigrams
-- it touches ('medcal recrds' shares 10 of its 14 trigrams with the 16 of
-- 'Medical Records': 10/20).
-- The whole name is one of the stretches, so the score is never below
-- similarity(query, name) and that measure would add no candidate.  An
-- occupation's score is its best name's (the title on a tie), and
-- occupations are ranked by
--     score, then similarity(query, title), then onet_code
-- so that among equal matches the occupation whose own title is closest to
-- the whole query comes first: 'registered nurse' scores the same in
-- 'Registered Nurses' and in the alias 'Registered nurses' of the nursing
-- specialties, and Registered Nurses leads.  The code makes rank unique.
--
-- Candidates are the names with a score of at least 0.3, set on the
-- function (pg_trgm's default, 0.6, would drop two-typo queries such as
-- 'medcal recrds', 0.5), so results do not depend on session settings.
-- The plan is made once per session (force_generic_plan): planning the
-- label look-up costs more than running it.
--
-- The trigram indexes and the search function, naming pg_trgm's objects
-- with its schema (@trgm@ below).
--
-- Trigram indexes answer the word-similarity operator that selects the
-- candidates (q <% name, which the planner turns into name %> q).  GiST
-- rather than GIN: on tables of this size (about a thousand titles, as many
-- aliases) the planner costs a GIN trigram scan above a sequential scan and
-- ignores it, while the GiST scan is chosen and is several times faster
-- than either (README: measured figures).
DO $do$
DECLARE
    trgm text := (SELECT quote_ident(n.nspname)
                    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE replace('CREATE INDEX occupation_title_trgm_idx ON airesilience.occupation
                         USING gist (title @trgm@.gist_trgm_ops)', '@trgm@', trgm);
    EXECUTE replace('CREATE INDEX occupation_alias_trgm_idx ON airesilience.occupation_alias
                         USING gist (alias @trgm@.gist_trgm_ops)', '@trgm@', trgm);
    EXECUTE replace($def$
    CREATE FUNCTION airesilience.search_occupations(query text, n integer DEFAULT 20)
    RETURNS TABLE (onet_code text, title text, label text, score real, matched text, rank bigint)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET pg_trgm.word_similarity_threshold = 0.3
    SET plan_cache_mode = force_generic_plan
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    #variable_conflict use_column
    BEGIN
        IF search_occupations.n < 1 THEN
            RAISE EXCEPTION 'n must be at least 1'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('n is %s.', search_occupations.n);
        END IF;
        IF length(search_occupations.query) > 200 THEN
            RAISE EXCEPTION 'query is too long'
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('The query has %s characters; at most 200 are searched.',
                                      length(search_occupations.query));
        END IF;

        -- A blank query, or one without a letter or digit, has no trigrams and
        -- matches nothing: no rows, without scanning.
        IF search_occupations.query !~ '[[:alnum:]]' THEN
            RETURN;
        END IF;

        RETURN QUERY
        WITH candidate AS (
            SELECT o.onet_code, o.title AS name, true AS is_title
              FROM airesilience.occupation o
             WHERE search_occupations.query OPERATOR(@trgm@.<%) o.title
            UNION ALL
            SELECT a.onet_code, a.alias, false
              FROM airesilience.occupation_alias a
             WHERE search_occupations.query OPERATOR(@trgm@.<%) a.alias),
        best AS (
            SELECT DISTINCT ON (c.onet_code)
                   c.onet_code, c.name, @trgm@.word_similarity(search_occupations.query, c.name) AS score
              FROM candidate c
             ORDER BY c.onet_code, 3 DESC, c.is_title DESC, c.name COLLATE "C"),
        ranked AS (
            SELECT b.onet_code, o.title, b.score, b.name,
                   row_number() OVER (ORDER BY b.score DESC,
                                               @trgm@.similarity(search_occupations.query, o.title) DESC,
                                               b.onet_code COLLATE "C") AS rank
              FROM best b
              JOIN airesilience.occupation o ON o.onet_code = b.onet_code
             ORDER BY rank
             LIMIT search_occupations.n)
        SELECT r.onet_code, r.title, l.label, r.score, r.name, r.rank
          FROM ranked r
          -- The label of each result alone: OFFSET 0 keeps the lateral
          -- subquery apart, so the code reaches into the view's grouped parts
          -- and no other occupation is scored.
          LEFT JOIN LATERAL (SELECT rep.label
                               FROM airesilience.occupation_report rep
                              WHERE rep.onet_code = r.onet_code
                             OFFSET 0) l ON true
         ORDER BY r.rank;
    END
    $fn$
    $def$, '@trgm@', trgm);
END
$do$;
COMMENT ON INDEX airesilience.occupation_title_trgm_idx IS
    'Trigrams of the titles, for search_occupations()';
COMMENT ON INDEX airesilience.occupation_alias_trgm_idx IS
    'Trigrams of the alternate titles, for search_occupations()';
COMMENT ON FUNCTION airesilience.search_occupations(text, integer) IS
    'The n occupations (default 20) whose title or alternate title best matches query, typo-tolerant (pg_trgm word_similarity >= 0.3), best first: score, then the title''s similarity to the query, then code; with the label and the name that matched. NULL or no letter or digit -> no rows; n < 1 or query over 200 characters -> 22023';

SELECT pg_catalog.pg_extension_config_dump('airesilience.occupation_alias', '');
