-- Stacks: near-duplicates (the same picture resized, re-encoded, cropped, framed, mirrored...)
-- grouped so that the review queue shows one representative per stack. stack_id is the
-- representative's id (its own for the representative), null for an item alone. The series
-- clustering job sets it from its similarity links.
ALTER TABLE media_item ADD COLUMN stack_id UUID;
CREATE INDEX media_item_stack_idx ON media_item (case_id, stack_id) WHERE stack_id IS NOT NULL;
