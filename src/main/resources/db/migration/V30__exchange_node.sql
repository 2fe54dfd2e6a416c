-- International exchange, the national node's side (docs/exchange-protocol.md).

-- Baseline: an officer's finding that a file meets the international baseline (illegal everywhere).
ALTER TABLE media_item ADD COLUMN baseline BOOLEAN;
ALTER TABLE media_categorisation ADD COLUMN baseline BOOLEAN;

-- A package composed by a liaison officer, approved or refused by another person (a supervisor),
-- then sent to the hub or written to a file. payload is the canonical JSON exactly as it is signed:
-- what the approver reviews is what leaves. selection holds the composer's criteria (case and
-- series ids: they stay at the node).
CREATE TABLE exchange_package (
    id               UUID          PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('SUBMISSION', 'REVOCATION')),
    state            VARCHAR(20)   NOT NULL CHECK (state IN ('COMPOSED', 'APPROVED', 'REFUSED', 'SENT')),
    country          VARCHAR(2)    NOT NULL,
    selection        TEXT,
    payload          BYTEA         NOT NULL,
    payload_sha256   VARCHAR(64)   NOT NULL,
    entry_count      INT           NOT NULL,
    feedback_count   INT           NOT NULL,
    revocation_count INT           NOT NULL,
    left_out         TEXT,
    composed_by      VARCHAR(200)  NOT NULL,
    composed_at      TIMESTAMPTZ   NOT NULL,
    decided_by       VARCHAR(200),
    decided_at       TIMESTAMPTZ,
    refusal_reason   VARCHAR(2000),
    key_id           VARCHAR(64),
    jws              TEXT,
    sent_by          VARCHAR(200),
    sent_at          TIMESTAMPTZ,
    hub_answer       TEXT,
    version          BIGINT        NOT NULL,
    CHECK ((state IN ('APPROVED', 'SENT')) = (jws IS NOT NULL))
);
CREATE INDEX exchange_package_state_idx ON exchange_package (state, composed_at);

-- The hashes each package carries (entries and feedback), so that a revocation names only what
-- this node sent, and a liaison officer can see where a hash went.
CREATE TABLE exchange_package_hash (
    package_id UUID         NOT NULL REFERENCES exchange_package (id),
    role       VARCHAR(10)  NOT NULL CHECK (role IN ('ENTRY', 'FEEDBACK', 'REVOKED')),
    md5        VARCHAR(32),
    sha1       VARCHAR(40),
    sha256     VARCHAR(64),
    category   VARCHAR(50)
);
CREATE INDEX exchange_package_hash_package_idx ON exchange_package_hash (package_id);
CREATE INDEX exchange_package_hash_md5_idx ON exchange_package_hash (md5);
CREATE INDEX exchange_package_hash_sha1_idx ON exchange_package_hash (sha1);
CREATE INDEX exchange_package_hash_sha256_idx ON exchange_package_hash (sha256);

-- Every time a package left the node: to the hub over HTTP, as a file, as an ICSE CSV.
CREATE TABLE exchange_disclosure (
    id           UUID          PRIMARY KEY,
    package_id   UUID          NOT NULL REFERENCES exchange_package (id),
    channel      VARCHAR(20)   NOT NULL CHECK (channel IN ('HUB', 'FILE', 'ICSE_CSV')),
    recipient    VARCHAR(500)  NOT NULL,
    outcome      VARCHAR(2000),
    disclosed_by VARCHAR(200)  NOT NULL,
    disclosed_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX exchange_disclosure_package_idx ON exchange_disclosure (package_id, disclosed_at);

-- The hub subscription: a hash set of source HUB kept current entry by entry. revision counts its
-- changes; an entry added at revision r has added_rev r, one withdrawn at r withdrawn_rev r (it
-- stays, as matches refer to it). Every replica's index follows the revision (V19 mechanism).
ALTER TABLE hash_set ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hash_set_entry ADD COLUMN added_rev BIGINT;
ALTER TABLE hash_set_entry ADD COLUMN withdrawn_rev BIGINT;
CREATE INDEX hash_set_entry_added_rev_idx ON hash_set_entry (hash_set_id, added_rev) WHERE added_rev IS NOT NULL;
CREATE INDEX hash_set_entry_withdrawn_rev_idx ON hash_set_entry (hash_set_id, withdrawn_rev)
    WHERE withdrawn_rev IS NOT NULL;

CREATE TABLE exchange_subscription (
    hash_set_id  UUID          PRIMARY KEY REFERENCES hash_set (id),
    hub_url      VARCHAR(500)  NOT NULL,
    cursor       VARCHAR(100),
    pulled_at    TIMESTAMPTZ,
    last_error   VARCHAR(2000),
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);

-- What the hub says of each subscription entry beyond a hash set's columns.
CREATE TABLE subscription_entry (
    entry_id          BIGINT       PRIMARY KEY REFERENCES hash_set_entry (id),
    hash_set_id       UUID         NOT NULL REFERENCES hash_set (id),
    hub_entry         BIGINT       NOT NULL,
    trust             VARCHAR(20)  NOT NULL,
    submissions       INT          NOT NULL,
    agreeing          INT          NOT NULL,
    series_countries  INT          NOT NULL,
    updated           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX subscription_entry_hub_idx ON subscription_entry (hash_set_id, hub_entry);

GRANT SELECT, INSERT, UPDATE ON exchange_package, exchange_subscription, subscription_entry TO ${appUser};
GRANT SELECT, INSERT ON exchange_package_hash, exchange_disclosure TO ${appUser};
