-- What the row triggers cannot see. TRUNCATE removes rows without firing row triggers, so every
-- table whose rows are kept for good refuses it as a statement (the audit log already did). And a
-- period's stored evaluations are only ever made under its pinned version and before its results
-- are published: a what-if under another version is computed, never stored as the period's.

CREATE FUNCTION chiso_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'chiso:append-only: % is never emptied (TRUNCATE refused)', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER rule_sets_no_truncate BEFORE TRUNCATE ON rule_sets FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER agencies_no_truncate BEFORE TRUNCATE ON agencies FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER periods_no_truncate BEFORE TRUNCATE ON periods FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER submissions_no_truncate BEFORE TRUNCATE ON submissions FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER submission_revisions_no_truncate BEFORE TRUNCATE ON submission_revisions FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER appraisals_no_truncate BEFORE TRUNCATE ON appraisals FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();
CREATE TRIGGER published_rankings_no_truncate BEFORE TRUNCATE ON published_rankings FOR EACH STATEMENT EXECUTE FUNCTION chiso_no_truncate();

CREATE FUNCTION evaluations_in_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period periods%ROWTYPE;
BEGIN
  SELECT * INTO period FROM periods WHERE id = NEW.period_id;
  IF period.status = 'published' THEN
    RAISE EXCEPTION 'chiso:period-locked: period % is published; its results are final', period.id USING ERRCODE = 'P0001';
  END IF;
  IF NEW.version_id <> period.version_id THEN
    RAISE EXCEPTION 'chiso:not-pinned-version: period % is assessed under version %, not %', period.id, period.version_id, NEW.version_id
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER evaluations_in_period BEFORE INSERT ON evaluations FOR EACH ROW EXECUTE FUNCTION evaluations_in_period();

-- Each entry's HMAC under a key kept outside the database (null for entries written before the log
-- was keyed), and each published ranking anchored to the audit log's head when it was published.
ALTER TABLE audit_log ADD COLUMN mac text CHECK (mac IS NULL OR mac ~ '^[0-9a-f]{64}$');
ALTER TABLE published_rankings ADD COLUMN audit_id bigint;
ALTER TABLE published_rankings ADD COLUMN audit_hash text CHECK (audit_hash IS NULL OR audit_hash ~ '^[0-9a-f]{64}$');

-- Failed sign-in attempts per key (client address and normalized username), shared by every server
-- on the database, so that two servers do not allow twice as many guesses.
CREATE TABLE rate_limits (
  key       text PRIMARY KEY,
  hits      integer NOT NULL CHECK (hits >= 0),
  reset_at  timestamptz NOT NULL
);

-- Appraisals in the order they were made: `at` is the transaction's start, so two evaluators'
-- concurrent appraisals of one fact could list the effective one first.
ALTER TABLE appraisals ADD COLUMN seq bigserial;
CREATE UNIQUE INDEX appraisals_seq ON appraisals (seq);
