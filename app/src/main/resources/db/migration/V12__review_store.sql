-- One review store for every level's diagnosis (school units, majors, later courses, teachers, students), keyed by
-- level, subject and period code (2027, 2025-2027, 2026-2027-1). The school units' year-end reviews move into it.

CREATE TABLE spiral_review (
  level                   VARCHAR(16)   NOT NULL,
  subject_id              VARCHAR(64)   NOT NULL,
  period_code             VARCHAR(16)   NOT NULL,
  self_assessment         VARCHAR(4000),
  work_results            VARCHAR(4000),
  self_grade              VARCHAR(8),
  targets_total           INTEGER,
  targets_met             INTEGER,
  tasks_total             INTEGER,
  tasks_done              INTEGER,
  tasks_overdue           INTEGER,
  escalations             INTEGER,
  attainment_summary      VARCHAR(4000),
  judged_on               DATE,
  grade                   VARCHAR(8),
  findings                VARCHAR(4000),
  assessed_by             VARCHAR(64),
  performance_result      VARCHAR(8),
  performance_by          VARCHAR(64),
  accountability_decision VARCHAR(8),
  accountability_measures VARCHAR(4000),
  accountability_by       VARCHAR(64),
  learning_benchmarks     VARCHAR(4000),
  learning_peers          VARCHAR(4000),
  learning_training       VARCHAR(4000),
  innovation              VARCHAR(4000),
  problems                VARCHAR(4000),
  causes                  VARCHAR(4000),
  improvement_measures    VARCHAR(4000),
  next_targets            VARCHAR(4000),
  improvement_approved_by VARCHAR(64),
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (level, subject_id, period_code),
  CONSTRAINT spiral_review_level CHECK (level IN ('SCHOOL', 'MAJOR', 'COURSE', 'TEACHER', 'STUDENT'))
);
CREATE INDEX spiral_review_period ON spiral_review (level, period_code);

INSERT INTO spiral_review (level, subject_id, period_code, self_assessment, self_grade, targets_total, targets_met,
    tasks_total, tasks_done, tasks_overdue, escalations, attainment_summary, grade, findings, assessed_by,
    performance_result, performance_by, accountability_decision, accountability_measures, accountability_by, problems,
    causes, improvement_measures, next_targets, improvement_approved_by, updated_at)
  SELECT 'SCHOOL', unit_id, CAST(plan_year AS VARCHAR(16)), self_assessment, self_grade, targets_total, targets_met,
    tasks_total, tasks_done, tasks_overdue, escalations, attainment_summary, grade, findings, diagnosed_by,
    performance_result, performance_by, accountability_decision, accountability_measures, accountability_by, problems,
    causes, improvement_measures, next_year_targets, improvement_approved_by, updated_at
  FROM unit_review;

DROP TABLE unit_review;

-- The day a task (表6) was entered: its own plan runs from then (or from 1 January, if later) to its deadline, so a
-- task added in the year is not 滞后 the moment it is entered. Tasks entered before this release have none and are
-- judged from 1 January, as before.
ALTER TABLE work_task ADD COLUMN entered_on DATE;
