-- When a clustering job last took the item into account; null for items filed since, which the
-- incremental sweep clusters against the rest of their case.
ALTER TABLE media_item ADD COLUMN clustered_at TIMESTAMPTZ;
CREATE INDEX media_item_unclustered_idx ON media_item (case_id) WHERE clustered_at IS NULL AND pdq IS NOT NULL;
