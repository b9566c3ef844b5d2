-- The college's organisational units beside Camunda's groups: Camunda keeps only id, name and type,
-- the product also needs the kind of unit, its quality system (五纵) and its parent.
CREATE TABLE org_unit (
  id             VARCHAR(64)  NOT NULL PRIMARY KEY,
  name           VARCHAR(100) NOT NULL,
  full_name      VARCHAR(200),
  kind           VARCHAR(32)  NOT NULL,
  quality_system VARCHAR(32),
  parent_id      VARCHAR(64),
  submits_annual_plan BOOLEAN NOT NULL DEFAULT FALSE,
  sort_order     INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT org_unit_kind CHECK (kind IN ('LEADERSHIP', 'FUNCTIONAL_DEPARTMENT', 'TEACHING_UNIT', 'QA_BODY', 'MAJOR', 'COURSE')),
  CONSTRAINT org_unit_system CHECK (quality_system IS NULL OR quality_system IN
    ('DECISION_COMMAND', 'QUALITY_GENERATION', 'RESOURCE_BUILDING', 'SUPPORT_SERVICE', 'SUPERVISION_CONTROL'))
);
