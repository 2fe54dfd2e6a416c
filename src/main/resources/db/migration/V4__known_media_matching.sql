-- Known-media matching: imports fill hash_set_entry with ids the importer assigns, matches are
-- recorded per item, and uploaded items keep the PDQ hashes of their seven other dihedral variants.

-- Entry ids are (set index id << 40) | ordinal in the imported file: compact for the in-memory
-- indexes, known before the row is written, and an interrupted import resumes by key.
ALTER TABLE hash_set_entry ALTER COLUMN id DROP IDENTITY;

ALTER TABLE hash_set ADD COLUMN default_category VARCHAR(50);
ALTER TABLE hash_set ADD COLUMN import_state VARCHAR(20) NOT NULL DEFAULT 'EMPTY';
ALTER TABLE hash_set ADD COLUMN import_file_sha256 VARCHAR(64);
ALTER TABLE hash_set ADD COLUMN last_job_id UUID;

-- The 7 other dihedral PDQ hashes (rotations and reflections), 32 bytes each, in Dihedral order.
ALTER TABLE media_item ADD COLUMN pdq_variants BYTEA;
-- ALERT (known abuse material), IGNORABLE (known-good), or NULL: unknown, still to review.
ALTER TABLE media_item ADD COLUMN match_status VARCHAR(20);
ALTER TABLE media_item ADD COLUMN matched_at TIMESTAMPTZ;
-- True while the item's series and flags are the ones a hash match filled in (the item had none of
-- its own): they follow the decisive match and are withdrawn with it.
ALTER TABLE media_item ADD COLUMN hash_details BOOLEAN NOT NULL DEFAULT false;
-- No index on (case_id, match_status): with statistics lagging behind an import, the planner took it
-- for the per-location look-up by (case_id, content_key) and scanned the whole case per row
-- (measured: a 1M-record import into a second case went from 56 s to over 10 minutes).

CREATE TABLE media_match (
    media_id     UUID         NOT NULL REFERENCES media_item (id),
    entry_id     BIGINT       NOT NULL REFERENCES hash_set_entry (id),
    hash_type    VARCHAR(10)  NOT NULL,
    distance     SMALLINT     NOT NULL,
    dihedral     VARCHAR(30),
    matched_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (media_id, entry_id, hash_type)
);
-- A set's matches are found, and paged through, by its entry id range.
CREATE INDEX media_match_entry_idx ON media_match (entry_id, media_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON media_match TO ${appUser};
