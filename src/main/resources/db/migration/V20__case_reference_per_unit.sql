-- A case reference is unique within its unit (the unit's own register), no longer across the
-- deployment: a clash told to someone of another unit would reveal that a case exists there.
ALTER TABLE vid_case DROP CONSTRAINT vid_case_reference_key;
CREATE UNIQUE INDEX vid_case_unit_reference_idx ON vid_case (coalesce(unit, ''), reference);
