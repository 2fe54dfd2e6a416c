-- Series: pictures of the same victim, scene or set, grouped so that an officer reviews a series,
-- not thousands of files.

-- The similarity signature of an uploaded image (org.vidcase.hashing.ImageSignature, 33 bytes a
-- view). Hash-only items (imports) have none and are compared by their PDQ hash.
ALTER TABLE media_item ADD COLUMN similarity_views BYTEA;

CREATE SEQUENCE series_number_seq;

CREATE TABLE series (
    id                  UUID          PRIMARY KEY,
    case_id             UUID          NOT NULL REFERENCES vid_case (id),
    reference           VARCHAR(64)   NOT NULL UNIQUE,
    name                VARCHAR(200)  NOT NULL,
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    victim_identified   BOOLEAN       NOT NULL DEFAULT false,
    offender_identified BOOLEAN       NOT NULL DEFAULT false,
    notes               VARCHAR(4000),
    -- A series merged into another is closed and points at the one that took its members.
    merged_into         UUID          REFERENCES series (id),
    created_by          VARCHAR(200)  NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX series_case_idx ON series (case_id);

-- Other cases a series is linked to (the owning case is series.case_id).
CREATE TABLE series_case_link (
    series_id UUID         NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    case_id   UUID         NOT NULL REFERENCES vid_case (id),
    linked_by VARCHAR(200) NOT NULL,
    linked_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (series_id, case_id)
);

-- A member and how it joined: suggested by clustering (with its score), or added by an officer;
-- confirmed or rejected by whom and when. A rejection is kept so that clustering does not suggest
-- the item for that series again.
CREATE TABLE series_member (
    series_id     UUID          NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    media_item_id UUID          NOT NULL REFERENCES media_item (id),
    state         VARCHAR(20)   NOT NULL CHECK (state IN ('SUGGESTED', 'CONFIRMED', 'REJECTED')),
    joined_by     VARCHAR(20)   NOT NULL CHECK (joined_by IN ('CLUSTERING', 'OFFICER')),
    score         REAL,
    joined_at     TIMESTAMPTZ   NOT NULL,
    added_by      VARCHAR(200)  NOT NULL,
    decided_by    VARCHAR(200),
    decided_at    TIMESTAMPTZ,
    PRIMARY KEY (series_id, media_item_id)
);
-- An item is in at most one series at a time (suggested or confirmed).
CREATE UNIQUE INDEX series_member_one_series_idx ON series_member (media_item_id) WHERE state <> 'REJECTED';

-- Every change to a series, as its history (the audit trail records the same, tamper-evidently).
CREATE TABLE series_event (
    id         BIGSERIAL     PRIMARY KEY,
    series_id  UUID          NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    at         TIMESTAMPTZ   NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    action     VARCHAR(40)   NOT NULL,
    detail     VARCHAR(4000)
);
CREATE INDEX series_event_series_idx ON series_event (series_id, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON series, series_case_link, series_member TO ${appUser};
GRANT SELECT, INSERT ON series_event TO ${appUser};
GRANT USAGE ON SEQUENCE series_number_seq, series_event_id_seq TO ${appUser};
