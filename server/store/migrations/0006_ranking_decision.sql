-- The decision that approves a published ranking (the province's chairman signs it after the
-- department has scored and ranked), and corrections. A published ranking is never edited: a
-- correction is a new row citing its own decision and reason and the ranking it supersedes, so both
-- stay on record and replay. Rows published before this migration have no decision (null).
ALTER TABLE published_rankings ADD COLUMN decision jsonb CHECK (
  decision IS NULL OR (
    jsonb_typeof(decision) = 'object'
    AND decision ?& ARRAY['number', 'date', 'issuer', 'signerTitle', 'signerName']
    AND (decision ->> 'date') ~ '^\d{4}-\d{2}-\d{2}$'));
ALTER TABLE published_rankings ADD COLUMN supersedes uuid UNIQUE REFERENCES published_rankings (id);
ALTER TABLE published_rankings ADD COLUMN correction_reason text;
ALTER TABLE published_rankings ADD CONSTRAINT published_rankings_correction
  CHECK ((supersedes IS NULL) = (correction_reason IS NULL));

-- A period now has one first publication and any number of corrections, one after the other (each
-- ranking is superseded at most once: the UNIQUE on supersedes).
ALTER TABLE published_rankings DROP CONSTRAINT published_rankings_period_id_key;
CREATE UNIQUE INDEX published_rankings_first ON published_rankings (period_id) WHERE supersedes IS NULL;
CREATE INDEX published_rankings_period ON published_rankings (period_id);

-- Every ranking published from now on carries its decision, and a correction supersedes a ranking
-- of its own period. UPDATE and DELETE stay refused by published_rankings_immutable (0002).
CREATE FUNCTION published_rankings_checked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decision IS NULL THEN
    RAISE EXCEPTION 'chiso:decision-required: a ranking is published with the decision approving it' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.supersedes IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM published_rankings WHERE id = NEW.supersedes AND period_id = NEW.period_id) THEN
    RAISE EXCEPTION 'chiso:correction-mismatch: a correction supersedes a ranking of its own period' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER published_rankings_checked BEFORE INSERT ON published_rankings
  FOR EACH ROW EXECUTE FUNCTION published_rankings_checked();
