-- A deployment's changes are recorded element by element, as a JSON list of
-- {elementId, elementName, kind, aspect, before, after, text}: widen the column, and keep each earlier record's
-- text as one change.
ALTER TABLE model_deployment ALTER COLUMN changes SET DATA TYPE VARCHAR(1000000);
UPDATE model_deployment SET changes = CASE
  WHEN changes IS NULL OR changes = '' THEN '[]'
  ELSE '[{"text":"' || REPLACE(REPLACE(changes, '\', '\\'), '"', '\"') || '"}]'
END;
