-- Seizures (exhibits) with their chain of custody, media items found on them, and the encrypted
-- evidence blobs behind uploaded items.

CREATE TABLE seizure (
    id                 UUID          PRIMARY KEY,
    case_id            UUID          NOT NULL REFERENCES vid_case (id),
    reference          VARCHAR(100)  NOT NULL,
    device_description VARCHAR(2000),
    seized_at          TIMESTAMPTZ,
    seized_by          VARCHAR(200),
    forensic_tool      VARCHAR(200),
    created_by         VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    CONSTRAINT seizure_reference_unique UNIQUE (case_id, reference)
);

-- Chain of custody is append-only, like the audit trail.
CREATE TABLE custody_entry (
    id          UUID          PRIMARY KEY,
    seizure_id  UUID          NOT NULL REFERENCES seizure (id),
    seq         INT           NOT NULL,
    occurred_at TIMESTAMPTZ   NOT NULL,
    from_party  VARCHAR(200)  NOT NULL,
    to_party    VARCHAR(200)  NOT NULL,
    purpose     VARCHAR(2000) NOT NULL,
    recorded_by VARCHAR(200)  NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    CONSTRAINT custody_entry_seq_unique UNIQUE (seizure_id, seq)
);
CREATE TRIGGER custody_entry_no_update BEFORE UPDATE OR DELETE ON custody_entry
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- One encrypted object per distinct content; media items in any case refer to it by SHA-256.
CREATE TABLE evidence_blob (
    sha256          VARCHAR(64)  PRIMARY KEY,
    object_key      VARCHAR(200) NOT NULL UNIQUE,
    wrapped_key     VARCHAR(200) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    stored_bytes    BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    verified_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE media_item (
    id                     UUID          PRIMARY KEY,
    case_id                UUID          NOT NULL REFERENCES vid_case (id),
    seizure_id             UUID          NOT NULL REFERENCES seizure (id),
    content_key            VARCHAR(80)   NOT NULL,
    md5                    VARCHAR(32),
    sha1                   VARCHAR(40),
    sha256                 VARCHAR(64),
    pdq                    VARCHAR(64),
    pdq_quality            SMALLINT,
    photodna               BYTEA,
    size_bytes             BIGINT,
    mime_type              VARCHAR(100),
    width                  INT,
    height                 INT,
    decode_failure         VARCHAR(500),
    exif_make              VARCHAR(200),
    exif_model             VARCHAR(200),
    exif_body_serial       VARCHAR(200),
    exif_lens              VARCHAR(200),
    exif_taken_at          VARCHAR(100),
    gps_latitude           DOUBLE PRECISION,
    gps_longitude          DOUBLE PRECISION,
    category               VARCHAR(50),
    category_source        VARCHAR(20),
    categorised_by         VARCHAR(200),
    categorised_at         TIMESTAMPTZ,
    victim_identified      BOOLEAN,
    offender_identified    BOOLEAN,
    distributed            BOOLEAN,
    self_generated         BOOLEAN,
    suspected              BOOLEAN,
    series                 VARCHAR(200),
    tags                   VARCHAR(5100),
    notes                  TEXT,
    blob_sha256            VARCHAR(64)   REFERENCES evidence_blob (sha256),
    source                 VARCHAR(20)   NOT NULL,
    source_id              VARCHAR(100),
    created_by             VARCHAR(200)  NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT media_item_content_unique UNIQUE (case_id, content_key)
);
CREATE INDEX media_item_seizure_idx ON media_item (seizure_id);
-- No indexes on md5/sha1/sha256: matching probes the in-memory hash indexes with each item, and
-- every extra random-key index costs bulk imports a third of their speed.

-- Every place a file was found: one item, many locations.
CREATE TABLE media_location (
    id           UUID          PRIMARY KEY,
    media_id     UUID          NOT NULL REFERENCES media_item (id),
    seizure_id   UUID          NOT NULL REFERENCES seizure (id),
    location_key VARCHAR(32)   NOT NULL,
    file_name    VARCHAR(1000),
    path         VARCHAR(4000),
    created      TIMESTAMPTZ,
    modified     TIMESTAMPTZ,
    accessed     TIMESTAMPTZ,
    CONSTRAINT media_location_unique UNIQUE (media_id, location_key)
);
CREATE INDEX media_location_seizure_idx ON media_location (seizure_id);

-- Who categorised what, when: the full history, append-only.
CREATE TABLE media_categorisation (
    id                  UUID          PRIMARY KEY,
    media_id            UUID          NOT NULL REFERENCES media_item (id),
    category            VARCHAR(50),
    source              VARCHAR(20)   NOT NULL,
    victim_identified   BOOLEAN,
    offender_identified BOOLEAN,
    distributed         BOOLEAN,
    self_generated      BOOLEAN,
    suspected           BOOLEAN,
    note                VARCHAR(2000),
    categorised_by      VARCHAR(200)  NOT NULL,
    categorised_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX media_categorisation_media_idx ON media_categorisation (media_id, categorised_at);
CREATE TRIGGER media_categorisation_no_update BEFORE UPDATE OR DELETE ON media_categorisation
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

GRANT SELECT, INSERT, UPDATE, DELETE ON seizure, evidence_blob, media_item, media_location TO ${appUser};
GRANT SELECT, INSERT ON custody_entry, media_categorisation TO ${appUser};
