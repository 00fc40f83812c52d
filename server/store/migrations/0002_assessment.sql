-- Assessment: periods pinned to a version, agencies' submissions (every save a revision), evidence,
-- appraisals (append-only, beside the agency's value), evaluations with their hashes and trace,
-- and published rankings (frozen). Runs unchanged on PGlite and PostgreSQL.

-- Raised by the guards below; the server maps "chiso:<code>: …" to a 409 problem.
CREATE FUNCTION chiso_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'chiso:append-only: % rows are never changed or removed (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001';
END;
$$;

CREATE TABLE periods (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_set    text NOT NULL REFERENCES rule_sets (id),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version_id  uuid NOT NULL REFERENCES versions (id),
  title       text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'appraisal', 'closed', 'published')),
  demo        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL,
  CONSTRAINT periods_year UNIQUE (rule_set, year)
);

-- A period only moves forward (open → appraisal → closed → published) and, once past "open",
-- keeps its pinned version: results computed under it must stay explainable.
CREATE FUNCTION periods_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  steps text[] := ARRAY['open', 'appraisal', 'closed', 'published'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'open' THEN
      RAISE EXCEPTION 'chiso:period-locked: period % is %; it cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF array_position(steps, NEW.status) NOT IN (array_position(steps, OLD.status), array_position(steps, OLD.status) + 1) THEN
    RAISE EXCEPTION 'chiso:invalid-transition: period % cannot go from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status <> 'open' AND (NEW.version_id <> OLD.version_id OR NEW.rule_set <> OLD.rule_set OR NEW.year <> OLD.year) THEN
    RAISE EXCEPTION 'chiso:period-locked: period % is %; its rule set, year and version are fixed', OLD.id, OLD.status
      USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status = 'published' AND to_jsonb(NEW) <> to_jsonb(OLD) THEN
    RAISE EXCEPTION 'chiso:period-locked: period % is published; it cannot change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER periods_guard BEFORE UPDATE OR DELETE ON periods FOR EACH ROW EXECUTE FUNCTION periods_guard();

CREATE TABLE submissions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_id        uuid NOT NULL REFERENCES periods (id),
  agency_id        text NOT NULL REFERENCES agencies (id),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'appraised')),
  -- What the agency reported.
  facts            jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(facts) = 'object'),
  -- The evaluator's latest value per appraised fact (the history is in appraisals).
  appraised_facts  jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(appraised_facts) = 'object'),
  -- The evidence items in force (metadata; file contents live in the evidence table).
  evidence         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(evidence) = 'array'),
  revision         integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  etag             text NOT NULL,
  demo             boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       text NOT NULL,
  submitted_at     timestamptz,
  submitted_by     text,
  CONSTRAINT submissions_agency_once UNIQUE (period_id, agency_id)
);
CREATE INDEX submissions_agency ON submissions (agency_id);

-- Once the period is closed or published, its submissions are the record of what was assessed.
CREATE FUNCTION submissions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status text;
BEGIN
  SELECT status INTO period_status FROM periods WHERE id = COALESCE(NEW.period_id, OLD.period_id);
  IF period_status IN ('closed', 'published') THEN
    RAISE EXCEPTION 'chiso:period-closed: the period is %; its submissions cannot change', period_status
      USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER submissions_guard BEFORE INSERT OR UPDATE OR DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION submissions_guard();

-- Every save of a submission, in full: nothing is overwritten.
CREATE TABLE submission_revisions (
  submission_id    uuid NOT NULL REFERENCES submissions (id),
  revision         integer NOT NULL,
  action           text NOT NULL,
  status           text NOT NULL,
  facts            jsonb NOT NULL,
  appraised_facts  jsonb NOT NULL,
  evidence         jsonb NOT NULL,
  author           text NOT NULL,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, revision)
);
CREATE TRIGGER submission_revisions_append_only BEFORE UPDATE OR DELETE ON submission_revisions
  FOR EACH ROW EXECUTE FUNCTION chiso_append_only();

-- Evidence per fact or criterion (`key`): an uploaded file (stored here with its checksum), a link,
-- or an explanation (a note only, e.g. "decision 123/QĐ of 2021, kept on paper").
CREATE TABLE evidence (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id  uuid NOT NULL REFERENCES submissions (id),
  key            text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  kind           text NOT NULL CHECK (kind IN ('file', 'link', 'explanation')),
  file_name      text,
  mime_type      text,
  size           integer CHECK (size >= 0),
  sha256         text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content        bytea,
  url            text,
  note           text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text NOT NULL,
  removed_at     timestamptz,
  removed_by     text,
  CONSTRAINT evidence_shape CHECK (
    (kind = 'file' AND content IS NOT NULL AND file_name IS NOT NULL AND mime_type IS NOT NULL
       AND size = octet_length(content) AND sha256 IS NOT NULL AND url IS NULL)
    OR (kind = 'link' AND url IS NOT NULL AND content IS NULL)
    OR (kind = 'explanation' AND url IS NULL AND content IS NULL AND length(btrim(note)) > 0))
);
CREATE INDEX evidence_submission ON evidence (submission_id);

-- An item's content never changes; it can only be withdrawn (removed_at), and only once.
CREATE FUNCTION evidence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.removed_at IS NOT NULL
     OR (to_jsonb(NEW) - 'removed_at' - 'removed_by') <> (to_jsonb(OLD) - 'removed_at' - 'removed_by') THEN
    RAISE EXCEPTION 'chiso:append-only: evidence % cannot be changed, only withdrawn', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER evidence_guard BEFORE UPDATE OR DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION evidence_guard();

-- The evaluator's value beside the agency's, with a reason. Append-only.
CREATE TABLE appraisals (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id    uuid NOT NULL REFERENCES submissions (id),
  fact             text NOT NULL,
  agency_value     jsonb,
  appraised_value  jsonb,
  previous_value   jsonb,
  reason           text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  author           text NOT NULL,
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appraisals_submission ON appraisals (submission_id, at);
CREATE TRIGGER appraisals_append_only BEFORE UPDATE OR DELETE ON appraisals
  FOR EACH ROW EXECUTE FUNCTION chiso_append_only();

-- One submission evaluated under one version. `input` is exactly what the engine read (agency and
-- effective facts), `result` the whole Evaluation with its trace and context; both are enough to
-- replay it. Evaluations computed together share a batch.
CREATE TABLE evaluations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq             serial UNIQUE,
  batch_id        uuid NOT NULL,
  batch_kind      text NOT NULL CHECK (batch_kind IN ('period', 'submission')),
  period_id       uuid NOT NULL REFERENCES periods (id),
  submission_id   uuid NOT NULL REFERENCES submissions (id),
  revision        integer NOT NULL,
  agency_id       text NOT NULL REFERENCES agencies (id),
  version_id      uuid NOT NULL REFERENCES versions (id),
  cohort          text,
  total           numeric NOT NULL,
  max             numeric NOT NULL,
  percentage      numeric NOT NULL,
  band            text,
  input           jsonb NOT NULL,
  result          jsonb NOT NULL,
  input_hash      text NOT NULL,
  version_hash    text NOT NULL,
  result_hash     text NOT NULL,
  engine_version  text NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluations_period ON evaluations (period_id, version_id, seq);
CREATE INDEX evaluations_submission ON evaluations (submission_id, seq);
CREATE INDEX evaluations_batch ON evaluations (batch_id);
CREATE TRIGGER evaluations_append_only BEFORE UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION chiso_append_only();

-- A period's ranking as published: frozen, with its hash and the evaluations it was ranked from.
CREATE TABLE published_rankings (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_id       uuid NOT NULL UNIQUE REFERENCES periods (id),
  version_id      uuid NOT NULL REFERENCES versions (id),
  batch_id        uuid NOT NULL,
  evaluation_ids  jsonb NOT NULL CHECK (jsonb_typeof(evaluation_ids) = 'array'),
  ranking         jsonb NOT NULL,
  hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  published_by    text NOT NULL,
  published_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER published_rankings_immutable BEFORE UPDATE OR DELETE ON published_rankings
  FOR EACH ROW EXECUTE FUNCTION chiso_append_only();
