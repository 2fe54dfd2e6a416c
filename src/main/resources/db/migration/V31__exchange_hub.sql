-- International exchange, the hub's side (vidcase.exchange.mode=hub; empty on a national node).

-- Registered nodes: a Keycloak client (the node's service account) submits as one country.
CREATE TABLE hub_node (
    client_id   VARCHAR(200)  PRIMARY KEY,
    country     VARCHAR(2)    NOT NULL,
    description VARCHAR(500),
    active      BOOLEAN       NOT NULL,
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_by  VARCHAR(200)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);

-- Each node's public signing keys (JWK), by key id; a revoked key verifies nothing any more.
CREATE TABLE hub_node_key (
    key_id        VARCHAR(64)   PRIMARY KEY,
    client_id     VARCHAR(200)  NOT NULL REFERENCES hub_node (client_id),
    jwk           TEXT          NOT NULL,
    thumbprint    VARCHAR(64)   NOT NULL,
    added_by      VARCHAR(200)  NOT NULL,
    added_at      TIMESTAMPTZ   NOT NULL,
    revoked_by    VARCHAR(200),
    revoked_at    TIMESTAMPTZ,
    revoke_reason VARCHAR(2000)
);
CREATE INDEX hub_node_key_client_idx ON hub_node_key (client_id);

-- Every accepted package, so that a replay (HTTP or file) changes nothing.
CREATE TABLE hub_package (
    package_id       UUID          PRIMARY KEY,
    client_id        VARCHAR(200)  NOT NULL REFERENCES hub_node (client_id),
    country          VARCHAR(2)    NOT NULL,
    key_id           VARCHAR(64)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL CHECK (channel IN ('HTTP', 'FILE')),
    payload_sha256   VARCHAR(64)   NOT NULL,
    created          DATE          NOT NULL,
    received_by      VARCHAR(200)  NOT NULL,
    received_at      TIMESTAMPTZ   NOT NULL,
    entry_count      INT           NOT NULL,
    feedback_count   INT           NOT NULL,
    revocation_count INT           NOT NULL,
    summary          TEXT          NOT NULL,
    revoked_at       TIMESTAMPTZ
);
CREATE INDEX hub_package_country_idx ON hub_package (country, received_at);

-- Entries merged by hash. change_seq orders every change for the nodes' deltas (assigned under the
-- hub's merge lock, so changes commit in sequence order); a withdrawn entry stays as a tombstone.
CREATE SEQUENCE hub_change_seq;
CREATE SEQUENCE hub_series_group_seq;
CREATE TABLE hub_entry (
    id                  BIGSERIAL     PRIMARY KEY,
    md5                 VARCHAR(32),
    sha1                VARCHAR(40),
    sha256              VARCHAR(64),
    pdq                 VARCHAR(64),
    pdq_quality         SMALLINT,
    photodna            VARCHAR(288),
    vpdq                TEXT,
    media_type          VARCHAR(10)   NOT NULL,
    category            VARCHAR(10),
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('CANDIDATE', 'TRUSTED', 'CONFLICT')),
    live                BOOLEAN       NOT NULL,
    baseline            BOOLEAN       NOT NULL,
    victim_identified   BOOLEAN       NOT NULL,
    offender_identified BOOLEAN       NOT NULL,
    distributed         BOOLEAN       NOT NULL,
    submissions         INT           NOT NULL,
    agreeing            INT           NOT NULL,
    dissenting          VARCHAR(1000),
    series_group        BIGINT,
    resolved_category   VARCHAR(10),
    resolved_by         VARCHAR(200),
    resolved_at         TIMESTAMPTZ,
    first_submitted     DATE          NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    change_seq          BIGINT        NOT NULL UNIQUE
);
CREATE INDEX hub_entry_md5_idx ON hub_entry (md5);
CREATE INDEX hub_entry_sha1_idx ON hub_entry (sha1);
CREATE INDEX hub_entry_sha256_idx ON hub_entry (sha256);
CREATE INDEX hub_entry_photodna_idx ON hub_entry (photodna);
CREATE INDEX hub_entry_pdq_idx ON hub_entry (pdq);
CREATE INDEX hub_entry_conflict_idx ON hub_entry (id) WHERE status = 'CONFLICT' AND live;
CREATE INDEX hub_entry_series_idx ON hub_entry (series_group);

-- One country's current submission of an entry (a later package replaces its earlier one).
CREATE TABLE hub_submission (
    entry_id            BIGINT        NOT NULL REFERENCES hub_entry (id),
    country             VARCHAR(2)    NOT NULL,
    package_id          UUID          NOT NULL REFERENCES hub_package (package_id),
    category            VARCHAR(10)   NOT NULL,
    baseline            BOOLEAN       NOT NULL,
    series              VARCHAR(43),
    victim_identified   BOOLEAN,
    offender_identified BOOLEAN,
    distributed         BOOLEAN,
    submitted           DATE          NOT NULL,
    received_at         TIMESTAMPTZ   NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoked_by_package  UUID,
    revoke_reason       VARCHAR(20),
    PRIMARY KEY (entry_id, country)
);
CREATE INDEX hub_submission_package_idx ON hub_submission (package_id);

-- One country's current feedback on an entry it received.
CREATE TABLE hub_feedback (
    entry_id    BIGINT        NOT NULL REFERENCES hub_entry (id),
    country     VARCHAR(2)    NOT NULL,
    package_id  UUID          NOT NULL REFERENCES hub_package (package_id),
    category    VARCHAR(10)   NOT NULL,
    agree       BOOLEAN       NOT NULL,
    proposed    VARCHAR(10),
    received_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (entry_id, country)
);

-- Series pseudonyms, grouped: pseudonyms that share a hash are one (cross-border when of several countries).
CREATE TABLE hub_series (
    country    VARCHAR(2)    NOT NULL,
    pseudonym  VARCHAR(43)   NOT NULL,
    group_id   BIGINT        NOT NULL,
    first_seen TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (country, pseudonym)
);
CREATE INDEX hub_series_group_idx ON hub_series (group_id);

-- The latest identification counts each country reported, per kind and year.
CREATE TABLE hub_identification_count (
    country     VARCHAR(2)    NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    year        INT           NOT NULL,
    count       INT           NOT NULL,
    package_id  UUID          NOT NULL,
    reported_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (country, kind, year)
);

-- Every baseline list handed to a blocking partner: to whom, on what legal basis.
CREATE TABLE hub_baseline_export (
    id           UUID          PRIMARY KEY,
    recipient    VARCHAR(500)  NOT NULL,
    legal_basis  VARCHAR(2000) NOT NULL,
    entry_count  BIGINT        NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    exported_by  VARCHAR(200)  NOT NULL,
    exported_at  TIMESTAMPTZ   NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON hub_node, hub_node_key, hub_package, hub_entry, hub_submission, hub_feedback,
    hub_series, hub_identification_count TO ${appUser};
GRANT SELECT, INSERT ON hub_baseline_export TO ${appUser};
GRANT USAGE ON SEQUENCE hub_change_seq, hub_series_group_seq, hub_entry_id_seq TO ${appUser};
