-- Core tables: people and sessions, rule sets and their versions, agencies, and the audit log.
-- Runs unchanged on PGlite and PostgreSQL. Forward-only: a later change is a new file.

CREATE TABLE agencies (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_en     text,
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_-]{0,31}$'),
  attributes  jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
  -- The rule sets (families) the agency is assessed under; a version's linter checks that each of
  -- them falls in exactly one cohort.
  rule_sets   text[] NOT NULL DEFAULT '{}',
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  full_name      text NOT NULL DEFAULT '',
  role           text NOT NULL CHECK (role IN ('admin', 'evaluator', 'auditor', 'agency')),
  agency_id      text REFERENCES agencies (id),
  password_hash  text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  -- An agency user belongs to exactly one agency; nobody else belongs to one.
  CONSTRAINT users_agency_role CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);

-- The cookie holds a random token; only its SHA-256 is stored, so a leaked table opens no session.
CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE rule_sets (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]{0,63}$'),
  title        jsonb NOT NULL,
  description  jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL
);

CREATE TABLE versions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_set      text NOT NULL REFERENCES rule_sets (id),
  version       text NOT NULL,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  document      jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  etag          text NOT NULL,
  hash          text,
  based_on      uuid REFERENCES versions (id),
  change_note   jsonb,
  legal_basis   jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text NOT NULL,
  published_at  timestamptz,
  published_by  text,
  retired_at    timestamptz,
  retired_by    text,
  CONSTRAINT versions_label UNIQUE (rule_set, version),
  -- The document names its own rule set and label; they cannot drift from the row.
  CONSTRAINT versions_document_identity CHECK (document->>'ruleSet' = rule_set AND document->>'version' = version),
  CONSTRAINT versions_published_fields CHECK (
    status = 'draft' OR (hash IS NOT NULL AND published_at IS NOT NULL AND published_by IS NOT NULL)),
  CONSTRAINT versions_retired_fields CHECK (
    status <> 'retired' OR (retired_at IS NOT NULL AND retired_by IS NOT NULL))
);
CREATE INDEX versions_in_force ON versions (rule_set, status, ((document->'effective'->>'from')));

-- Published versions never change. The API refuses first; this trigger makes it true for anyone
-- holding a SQL connection too. The one change allowed is published → retired (status and who/when).
CREATE FUNCTION versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'chiso:immutable-version: version % is %; it cannot be deleted', OLD.id, OLD.status
        USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'retired' THEN
      RAISE EXCEPTION 'chiso:invalid-transition: a draft is published before it is retired' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' AND NEW.status = 'retired'
     AND (to_jsonb(NEW) - 'status' - 'retired_at' - 'retired_by')
       = (to_jsonb(OLD) - 'status' - 'retired_at' - 'retired_by') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'chiso:immutable-version: version % is %; published versions are immutable', OLD.id, OLD.status
    USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON versions
  FOR EACH ROW EXECUTE FUNCTION versions_guard();

-- Every mutation, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry). `at` is
-- text written by the server so that the hashed bytes are exactly the stored bytes.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           text NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  resource     text NOT NULL,
  resource_id  text NOT NULL,
  before       jsonb,
  after        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL UNIQUE
);
CREATE INDEX audit_log_resource ON audit_log (resource, resource_id);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'chiso:append-only: the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
