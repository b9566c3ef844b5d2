-- The daily opening of the annual quality report's round runs on one node at a time.
INSERT INTO node_lock (lock_name) VALUES ('annual-report-rounds');
