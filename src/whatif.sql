-- What-if: the composite score under ad-hoc weights beside the stored
-- report, without storing a preset.
--
-- The score and its breakdown are composite_scores' (src/composite.sql),
-- with its validation (22023).  The comparison is with the built-in preset
-- of the same orientation: careervillage for resilience weights, whose
-- scheme resilience6 labels the what-if score, and jobpocalypse for
-- exposure weights (scheme tiers5).  The orientation is the one passed, or
-- else the one the signals share, as in composite_scores.
--
-- An SQL function, so the planner inlines it.  The condition on onet_code is
-- repeated outside composite_scores: inside, it stops at the grouping, and
-- the stored report and the baseline would be computed for every
-- occupation.  So is the check of the weights: inside, it may sit below a
-- join that never runs it (an unknown onet_code), and invalid weights must
-- fail whatever the occupation.

CREATE FUNCTION airesilience.what_if(weights jsonb, onet_code text DEFAULT NULL, orientation text DEFAULT NULL)
RETURNS TABLE (onet_code text, title text, source_median float8, label text,
               what_if_score float8, what_if_label text,
               baseline_preset text, baseline_score float8, delta float8,
               breakdown jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT w.onet_code, r.title, r.source_median, r.label,
           w.score,
           airesilience.band_label(w.score, l.cuts, l.labels, l.inclusive),
           p.preset, b.score, w.score - b.score,
           w.breakdown
      FROM airesilience.composite_scores($1, $2, $3) w
      JOIN airesilience.occupation_report r ON r.onet_code = w.onet_code
      JOIN airesilience.composite_preset p
        ON p.preset = CASE coalesce($3, (SELECT min(g.orientation) FROM airesilience.signal g WHERE $1 ? g.signal))
                          WHEN 'resilience' THEN 'careervillage'
                          ELSE 'jobpocalypse'
                      END
      JOIN airesilience.label_scheme l ON l.scheme = p.label_scheme
      LEFT JOIN airesilience.composite_report b ON b.onet_code = w.onet_code AND b.preset = p.preset
     WHERE ($2 IS NULL OR w.onet_code = $2)
       AND airesilience.composite_weights_check($1, $3);
END;
COMMENT ON FUNCTION airesilience.what_if(jsonb, text, text) IS
    'Per occupation (only onet_code''s when given): the stored headline and label, the composite score under ad-hoc weights {"signal": weight, ...} with its label and breakdown, and its delta from the built-in preset of the same orientation (careervillage or jobpocalypse); changes nothing; invalid weights -> 22023 as composite_scores';
