-- A published version can be ended (by the version that succeeds it) without touching its document:
-- `ended_on` is its last day in force when a successor takes over before its own `effective.to`.
-- Set once, with who and for which version, and the guard lets nothing else of it change.
ALTER TABLE versions ADD COLUMN ended_on date;
ALTER TABLE versions ADD COLUMN ended_by text;
ALTER TABLE versions ADD COLUMN ended_for uuid REFERENCES versions (id);
ALTER TABLE versions ADD CONSTRAINT versions_ended_fields CHECK (
  (ended_on IS NULL AND ended_by IS NULL AND ended_for IS NULL) OR
  (ended_on IS NOT NULL AND ended_by IS NOT NULL AND ended_for IS NOT NULL AND status <> 'draft'));

CREATE OR REPLACE FUNCTION versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF OLD.status = 'published' AND NEW.status = 'published' AND OLD.ended_on IS NULL AND NEW.ended_on IS NOT NULL
     AND (to_jsonb(NEW) - 'ended_on' - 'ended_by' - 'ended_for')
       = (to_jsonb(OLD) - 'ended_on' - 'ended_by' - 'ended_for') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'chiso:immutable-version: version % is %; published versions are immutable', OLD.id, OLD.status
    USING ERRCODE = 'P0001';
END;
$$;
