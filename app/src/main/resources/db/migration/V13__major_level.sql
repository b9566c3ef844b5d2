-- One running round per process and business key, for every level: the school's year (2027), a major's year
-- (2027/500211), a major's assessment (2025-2027/500211). Replaces year_round, which knew only years.
CREATE TABLE process_round (
  process_key         VARCHAR(64)              NOT NULL,
  business_key        VARCHAR(128)             NOT NULL,
  process_instance_id VARCHAR(64)              NOT NULL,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (process_key, business_key)
);
INSERT INTO process_round (process_key, business_key, process_instance_id, started_at)
  SELECT process_key, CAST(round_year AS VARCHAR(16)), process_instance_id, started_at FROM year_round;
DROP TABLE year_round;

-- A target of 目标指标 may belong to one major of its owner unit: the major's yearly self-diagnosis measures it.
ALTER TABLE target ADD COLUMN major_code VARCHAR(16);
CREATE INDEX target_major ON target (major_code, cycle_year);

-- The rotation of the three-yearly 考核性诊断, planned once per three-year period and kept, so that the year a major
-- is assessed in is known a year ahead and does not move when majors are added; a major added later gets its slot
-- when the period is next read.
CREATE TABLE major_assessment_slot (
  period_code   VARCHAR(16) NOT NULL,
  major_code    VARCHAR(16) NOT NULL,
  assess_year   INTEGER,
  planned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (period_code, major_code)
);

-- The daily opening of the majors' rounds runs on one node at a time.
INSERT INTO node_lock (lock_name) VALUES ('major-rounds');

-- Each expert's scores in a major's assessment, one row per expert and assessment instance: the experts review in
-- parallel tasks, so their answers are kept here rather than in one process variable they would overwrite.
CREATE TABLE major_expert_review (
  process_instance_id VARCHAR(64)              NOT NULL,
  expert_id           VARCHAR(64)              NOT NULL,
  item_scores         VARCHAR(4000)            NOT NULL,
  grade               VARCHAR(16)              NOT NULL,
  opinion             VARCHAR(4000)            NOT NULL,
  reviewed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (process_instance_id, expert_id)
);

-- 表6: the day a task's work is planned to start, so that 滞后 is judged against the task's own plan (seasonal work
-- such as 招生 or 迎新 starts late in the year); blank: the later of 1 January and the day the task was entered.
ALTER TABLE work_task ADD COLUMN start_date DATE;
