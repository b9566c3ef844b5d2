-- Several app nodes may share one database. Work that must not run on two nodes at once (the organisation import
-- on start, the daily deadline scan) holds its row here for the length of its transaction (SELECT … FOR UPDATE).
CREATE TABLE node_lock (
  lock_name VARCHAR(64) PRIMARY KEY
);
INSERT INTO node_lock (lock_name) VALUES ('organisation-import'), ('deadline-scan');

-- One running round of a yearly process per year (the school's annual cycle, the annual work plan round), kept by
-- the primary key, so that two starts racing on two nodes cannot both pass; a finished or cancelled round's row is
-- taken over by the next start of that year.
CREATE TABLE year_round (
  process_key         VARCHAR(64)              NOT NULL,
  round_year          INTEGER                  NOT NULL,
  process_instance_id VARCHAR(64)              NOT NULL,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (process_key, round_year)
);
