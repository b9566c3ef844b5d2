-- What a change did to each cell (JSON: [{"column","before","after"}]), so that a row's history shows old → new.
-- Changes recorded before this column existed have none.
ALTER TABLE planning_change ADD COLUMN cells VARCHAR(1000000);
