-- The college's calendar as data that 院办 maintains: the terms of each academic year (the vacations are the gaps
-- between them) and the days that differ from the Monday–Friday week: public holidays and 调休 working days.
-- A term not entered here is placed by rule (cn.zhengai.calendar.Term); milestones are generated from rules
-- (cn.zhengai.calendar.Milestone) on this calendar.
CREATE TABLE college_term (
  academic_year INTEGER     NOT NULL,
  term          INTEGER     NOT NULL,
  starts_on     DATE        NOT NULL,
  ends_on       DATE        NOT NULL,
  updated_by    VARCHAR(64),
  updated_at    TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (academic_year, term),
  CONSTRAINT college_term_number CHECK (term IN (1, 2)),
  CONSTRAINT college_term_order CHECK (ends_on >= starts_on)
);

CREATE TABLE college_day (
  calendar_day DATE        PRIMARY KEY,
  kind         VARCHAR(16) NOT NULL,
  label        VARCHAR(32) NOT NULL,
  updated_by   VARCHAR(64),
  updated_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT college_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

-- The State Council's arrangements (国务院办公厅关于2025年、2026年部分节假日安排的通知).
INSERT INTO college_day (calendar_day, kind, label) VALUES
  (DATE '2025-01-01', 'HOLIDAY', '元旦'),
  (DATE '2025-01-26', 'WORKDAY', '春节调休上班'),
  (DATE '2025-01-28', 'HOLIDAY', '春节'), (DATE '2025-01-29', 'HOLIDAY', '春节'), (DATE '2025-01-30', 'HOLIDAY', '春节'),
  (DATE '2025-01-31', 'HOLIDAY', '春节'), (DATE '2025-02-01', 'HOLIDAY', '春节'), (DATE '2025-02-02', 'HOLIDAY', '春节'),
  (DATE '2025-02-03', 'HOLIDAY', '春节'), (DATE '2025-02-04', 'HOLIDAY', '春节'),
  (DATE '2025-02-08', 'WORKDAY', '春节调休上班'),
  (DATE '2025-04-04', 'HOLIDAY', '清明节'), (DATE '2025-04-05', 'HOLIDAY', '清明节'), (DATE '2025-04-06', 'HOLIDAY', '清明节'),
  (DATE '2025-04-27', 'WORKDAY', '劳动节调休上班'),
  (DATE '2025-05-01', 'HOLIDAY', '劳动节'), (DATE '2025-05-02', 'HOLIDAY', '劳动节'), (DATE '2025-05-03', 'HOLIDAY', '劳动节'),
  (DATE '2025-05-04', 'HOLIDAY', '劳动节'), (DATE '2025-05-05', 'HOLIDAY', '劳动节'),
  (DATE '2025-05-31', 'HOLIDAY', '端午节'), (DATE '2025-06-01', 'HOLIDAY', '端午节'), (DATE '2025-06-02', 'HOLIDAY', '端午节'),
  (DATE '2025-09-28', 'WORKDAY', '国庆节调休上班'),
  (DATE '2025-10-01', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
  (DATE '2025-10-03', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
  (DATE '2025-10-05', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
  (DATE '2025-10-07', 'HOLIDAY', '国庆节、中秋节'), (DATE '2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
  (DATE '2025-10-11', 'WORKDAY', '国庆节调休上班'),
  (DATE '2026-01-01', 'HOLIDAY', '元旦'), (DATE '2026-01-02', 'HOLIDAY', '元旦'), (DATE '2026-01-03', 'HOLIDAY', '元旦'),
  (DATE '2026-01-04', 'WORKDAY', '元旦调休上班'),
  (DATE '2026-02-14', 'WORKDAY', '春节调休上班'),
  (DATE '2026-02-15', 'HOLIDAY', '春节'), (DATE '2026-02-16', 'HOLIDAY', '春节'), (DATE '2026-02-17', 'HOLIDAY', '春节'),
  (DATE '2026-02-18', 'HOLIDAY', '春节'), (DATE '2026-02-19', 'HOLIDAY', '春节'), (DATE '2026-02-20', 'HOLIDAY', '春节'),
  (DATE '2026-02-21', 'HOLIDAY', '春节'), (DATE '2026-02-22', 'HOLIDAY', '春节'), (DATE '2026-02-23', 'HOLIDAY', '春节'),
  (DATE '2026-02-28', 'WORKDAY', '春节调休上班'),
  (DATE '2026-04-04', 'HOLIDAY', '清明节'), (DATE '2026-04-05', 'HOLIDAY', '清明节'), (DATE '2026-04-06', 'HOLIDAY', '清明节'),
  (DATE '2026-05-01', 'HOLIDAY', '劳动节'), (DATE '2026-05-02', 'HOLIDAY', '劳动节'), (DATE '2026-05-03', 'HOLIDAY', '劳动节'),
  (DATE '2026-05-04', 'HOLIDAY', '劳动节'), (DATE '2026-05-05', 'HOLIDAY', '劳动节'),
  (DATE '2026-05-09', 'WORKDAY', '劳动节调休上班'),
  (DATE '2026-06-19', 'HOLIDAY', '端午节'), (DATE '2026-06-20', 'HOLIDAY', '端午节'), (DATE '2026-06-21', 'HOLIDAY', '端午节'),
  (DATE '2026-09-20', 'WORKDAY', '国庆节调休上班'),
  (DATE '2026-09-25', 'HOLIDAY', '中秋节'), (DATE '2026-09-26', 'HOLIDAY', '中秋节'), (DATE '2026-09-27', 'HOLIDAY', '中秋节'),
  (DATE '2026-10-01', 'HOLIDAY', '国庆节'), (DATE '2026-10-02', 'HOLIDAY', '国庆节'), (DATE '2026-10-03', 'HOLIDAY', '国庆节'),
  (DATE '2026-10-04', 'HOLIDAY', '国庆节'), (DATE '2026-10-05', 'HOLIDAY', '国庆节'), (DATE '2026-10-06', 'HOLIDAY', '国庆节'),
  (DATE '2026-10-07', 'HOLIDAY', '国庆节'),
  (DATE '2026-10-10', 'WORKDAY', '国庆节调休上班');

-- Milestone dates are generated from rules now; what stays in academic_calendar is a date 院办 set by hand for one
-- year, which wins over the rule. The dates V2 and V5 shipped were set by nobody: the rules replace them.
DELETE FROM academic_calendar WHERE updated_by IS NULL;
