-- The free-text series of an item (an officer's categorisation, an imported export, a reference
-- hash set's entry) becomes a membership of the series known by that name in the item's case.

-- Names a series of a case is known by: its own (also after a rename), and the series names of
-- items and hash-set entries that were mapped onto it. A name means one series in a case.
CREATE TABLE series_name (
    case_id   UUID          NOT NULL REFERENCES vid_case (id),
    name_key  VARCHAR(200)  NOT NULL,
    series_id UUID          NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    name      VARCHAR(200)  NOT NULL,
    source    VARCHAR(20)   NOT NULL CHECK (source IN ('SERIES', 'CATEGORISATION', 'IMPORT', 'HASH_SET')),
    added_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (case_id, name_key)
);
CREATE INDEX series_name_series_idx ON series_name (series_id);

-- The series text last turned into a membership; where it differs from series, the item waits
-- for the linker (whatever path set the text: a categorisation, an import, a hash match by SQL).
ALTER TABLE media_item ADD COLUMN series_linked VARCHAR(200);
CREATE INDEX media_item_series_unlinked_idx ON media_item (case_id) WHERE series IS DISTINCT FROM series_linked;

ALTER TABLE series_member DROP CONSTRAINT series_member_joined_by_check;
ALTER TABLE series_member ADD CONSTRAINT series_member_joined_by_check
    CHECK (joined_by IN ('CLUSTERING', 'OFFICER', 'NAME'));

GRANT SELECT, INSERT, UPDATE, DELETE ON series_name TO ${appUser};
