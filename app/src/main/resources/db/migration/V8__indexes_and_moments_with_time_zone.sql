-- Indexes for the columns the app filters, joins and orders on, and every moment stored with its time zone.

-- Foreign keys. Already served by the leading column of an existing key or index, and so left alone:
-- duty.unit_id (duty_once), work_item.unit_id (work_item_once), task_progress.task_id (task_progress_task),
-- standard_target.standard_id (its primary key).
CREATE INDEX work_item_duty ON work_item (duty_id);
CREATE INDEX plan_parent ON plan (parent_id);
CREATE INDEX target_plan ON target (plan_id);
CREATE INDEX target_parent ON target (parent_id);
CREATE INDEX target_owner_unit ON target (owner_unit_id);
CREATE INDEX work_task_unit ON work_task (unit_id);
CREATE INDEX work_task_lead_unit ON work_task (lead_unit_id);
CREATE INDEX standard_target_target ON standard_target (target_id);
CREATE INDEX org_unit_parent ON org_unit (parent_id);

-- What the queries ask for: a unit's escalations and those of a year's rounds (by business key), a table's changes
-- newest first and one row's history, the daily deadline scan's window of due dates, a deployment by its id.
CREATE INDEX escalation_record_unit ON escalation_record (unit_id, escalated_at);
CREATE INDEX escalation_record_business_key ON escalation_record (business_key);
CREATE INDEX planning_change_table ON planning_change (table_id, changed_at, id);
CREATE INDEX planning_change_row ON planning_change (row_key, table_id);
CREATE INDEX work_task_deadline ON work_task (deadline);
CREATE INDEX deadline_warning_due ON deadline_warning (due_date);
CREATE INDEX model_deployment_deployment ON model_deployment (deployment_id);

-- Moments were stored as the JVM's local time without a zone (Asia/Shanghai in the product). Converting the type
-- reads each old value in the session's time zone, which both H2 and the PostgreSQL driver take from the JVM:
-- the zone the values were written in, so every moment keeps its meaning.
ALTER TABLE academic_calendar ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE escalation_record ALTER COLUMN due_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE escalation_record ALTER COLUMN escalated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE model_deployment ALTER COLUMN deployed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE duty ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE plan ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE target ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_task ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE task_progress ALTER COLUMN reported_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quality_standard ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_item ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE planning_change ALTER COLUMN changed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE deadline_warning ALTER COLUMN warned_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE deviation_warning ALTER COLUMN raised_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE unit_review ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
