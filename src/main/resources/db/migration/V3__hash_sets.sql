-- Reference hash sets (ICSE, Project VIC, CAID, NSRL, national, custom) and their entries.
-- index_id is the compact number the in-memory indexes use for a set; entry ids are 64-bit for the same reason.

CREATE TABLE hash_set (
    id              UUID          PRIMARY KEY,
    index_id        INT           GENERATED ALWAYS AS IDENTITY UNIQUE,
    name            VARCHAR(200)  NOT NULL,
    source          VARCHAR(20)   NOT NULL,
    set_version     VARCHAR(100)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    category_scheme VARCHAR(50)   NOT NULL,
    description     VARCHAR(2000),
    active          BOOLEAN       NOT NULL,
    entry_count     BIGINT        NOT NULL DEFAULT 0,
    imported_at     TIMESTAMPTZ,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_by      VARCHAR(200)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT hash_set_name_version_unique UNIQUE (name, set_version)
);

CREATE TABLE hash_set_entry (
    id                  BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash_set_id         UUID          NOT NULL REFERENCES hash_set (id),
    md5                 VARCHAR(32),
    sha1                VARCHAR(40),
    sha256              VARCHAR(64),
    pdq                 VARCHAR(64),
    pdq_quality         SMALLINT,
    photodna            BYTEA,
    category            VARCHAR(50),
    series              VARCHAR(200),
    series_reference    VARCHAR(200),
    victim_identified   BOOLEAN,
    offender_identified BOOLEAN,
    distributed         BOOLEAN,
    baseline            BOOLEAN
);
CREATE INDEX hash_set_entry_set_idx ON hash_set_entry (hash_set_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON hash_set, hash_set_entry TO ${appUser};
