-- The assessment year as it runs: a period's dates, criteria scored 0 for missing evidence, and the
-- agency's right of reply to each appraised change. Periods made before this migration have no
-- dates (null): no deadline applies to them.

-- opensOn ≤ submissionDue ≤ appraisalDue ≤ replyDue ≤ closesOn, checked (with field paths) in
-- services/periods.ts; here only the shape.
ALTER TABLE periods ADD COLUMN schedule jsonb CHECK (
  schedule IS NULL OR (
    jsonb_typeof(schedule) = 'object'
    AND schedule ?& ARRAY['opensOn', 'submissionDue', 'appraisalDue', 'replyDue', 'closesOn']));

-- The criteria the evaluator scored 0 for missing evidence, code → reason (the history is in
-- appraisals, like appraised facts).
ALTER TABLE submissions ADD COLUMN zeroed_criteria jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(zeroed_criteria) = 'object');
ALTER TABLE submission_revisions ADD COLUMN zeroed_criteria jsonb NOT NULL DEFAULT '{}'::jsonb;

-- An appraisal is now of a fact (a value) or of a criterion (scored 0, or restored: true/false).
ALTER TABLE appraisals ALTER COLUMN fact DROP NOT NULL;
ALTER TABLE appraisals ADD COLUMN criterion text;
ALTER TABLE appraisals ADD CONSTRAINT appraisals_subject CHECK ((fact IS NULL) <> (criterion IS NULL));

-- The agency's answer to one appraisal: it accepts it, or replies with a text (and evidence it
-- filed). The evaluator resolves a reply once: keep the appraisal, or revise it by a new appraisal.
-- Nothing else about a reply ever changes.
CREATE TABLE appraisal_replies (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appraisal_id      uuid NOT NULL UNIQUE REFERENCES appraisals (id),
  submission_id     uuid NOT NULL REFERENCES submissions (id),
  response          text NOT NULL CHECK (response IN ('accept', 'reply')),
  text              text NOT NULL DEFAULT '' CHECK (length(text) <= 4000),
  evidence_ids      jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(evidence_ids) = 'array'),
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by        text NOT NULL,
  outcome           text CHECK (outcome IN ('keep', 'revise')),
  outcome_reason    text CHECK (outcome_reason IS NULL OR length(btrim(outcome_reason)) BETWEEN 1 AND 2000),
  revision_id       uuid REFERENCES appraisals (id),
  resolved_at       timestamptz,
  resolved_by       text,
  CONSTRAINT appraisal_replies_text CHECK (response = 'accept' OR length(btrim(text)) > 0),
  CONSTRAINT appraisal_replies_resolved CHECK (
    (outcome IS NULL AND outcome_reason IS NULL AND resolved_at IS NULL AND resolved_by IS NULL AND revision_id IS NULL)
    OR (response = 'reply' AND outcome IS NOT NULL AND outcome_reason IS NOT NULL AND resolved_at IS NOT NULL
        AND resolved_by IS NOT NULL AND (outcome = 'revise') = (revision_id IS NOT NULL)))
);
CREATE INDEX appraisal_replies_submission ON appraisal_replies (submission_id);

CREATE FUNCTION appraisal_replies_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.outcome IS NOT NULL
     OR (to_jsonb(NEW) - 'outcome' - 'outcome_reason' - 'revision_id' - 'resolved_at' - 'resolved_by')
        <> (to_jsonb(OLD) - 'outcome' - 'outcome_reason' - 'revision_id' - 'resolved_at' - 'resolved_by') THEN
    RAISE EXCEPTION 'chiso:append-only: reply % is kept as written and resolved once', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER appraisal_replies_guard BEFORE UPDATE OR DELETE ON appraisal_replies
  FOR EACH ROW EXECUTE FUNCTION appraisal_replies_guard();

-- Once the period is closed or published, its replies are part of the record.
CREATE FUNCTION appraisal_replies_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status text;
BEGIN
  SELECT p.status INTO period_status FROM submissions s JOIN periods p ON p.id = s.period_id WHERE s.id = NEW.submission_id;
  IF period_status IN ('closed', 'published') THEN
    RAISE EXCEPTION 'chiso:period-closed: the period is %; replies cannot change', period_status USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER appraisal_replies_open BEFORE INSERT OR UPDATE ON appraisal_replies
  FOR EACH ROW EXECUTE FUNCTION appraisal_replies_open();
