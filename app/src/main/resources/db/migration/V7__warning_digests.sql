-- Deadline warnings reach each person once a day, as one digest listing their items (instead of one message per
-- item and unit): a notification may go to one person, and each warning keeps its day and what it is about, so
-- that the digest's full list can be paged.
ALTER TABLE notification ADD COLUMN recipient_user VARCHAR(64);
ALTER TABLE notification ALTER COLUMN recipient_group DROP NOT NULL;
CREATE INDEX notification_recipient_user ON notification (recipient_user, created_at);

ALTER TABLE deadline_warning ADD COLUMN warned_on DATE;
ALTER TABLE deadline_warning ADD COLUMN item_text VARCHAR(500);
CREATE INDEX deadline_warning_day ON deadline_warning (warned_on, unit_id);
