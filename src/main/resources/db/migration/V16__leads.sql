-- Identification leads: what investigators follow until a child or an offender is identified or
-- the lead is passed on. Nothing here is ever deleted: clues are withdrawn, records withdrawn,
-- closed leads reopened, and every change is kept in lead_event.

CREATE SEQUENCE lead_number_seq;

CREATE TABLE lead (
    id                UUID           PRIMARY KEY,
    case_id           UUID           NOT NULL REFERENCES vid_case (id),
    reference         VARCHAR(64)    NOT NULL UNIQUE,
    title             VARCHAR(300)   NOT NULL,
    description       VARCHAR(20000),
    status            VARCHAR(20)    NOT NULL
                          CHECK (status IN ('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'REFERRED', 'CLOSED')),
    due_date          DATE,
    -- Priority factors the investigator sets; the score is their weighted sum when they were set.
    ongoing_abuse     BOOLEAN        NOT NULL DEFAULT false,
    recent_production BOOLEAN        NOT NULL DEFAULT false,
    young_age         BOOLEAN        NOT NULL DEFAULT false,
    new_series        BOOLEAN        NOT NULL DEFAULT false,
    in_country        BOOLEAN        NOT NULL DEFAULT false,
    score             SMALLINT       NOT NULL CHECK (score BETWEEN 0 AND 100),
    score_override    SMALLINT       CHECK (score_override BETWEEN 0 AND 100),
    override_reason   VARCHAR(2000),
    override_by       VARCHAR(200),
    override_at       TIMESTAMPTZ,
    -- The state a closed lead was closed from (a reopening returns there) and how often it was closed.
    closed_from       VARCHAR(20),
    closed_at         TIMESTAMPTZ,
    closings          INT            NOT NULL DEFAULT 0,
    created_by        VARCHAR(200)   NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    version           BIGINT         NOT NULL,
    CHECK ((score_override IS NULL) = (override_reason IS NULL))
);
CREATE INDEX lead_case_idx ON lead (case_id, status);
CREATE INDEX lead_due_idx ON lead (due_date) WHERE status <> 'CLOSED';

CREATE TABLE lead_assignee (
    lead_id     UUID         NOT NULL REFERENCES lead (id),
    username    VARCHAR(200) NOT NULL,
    assigned_by VARCHAR(200) NOT NULL,
    assigned_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (lead_id, username)
);
CREATE INDEX lead_assignee_user_idx ON lead_assignee (username);

CREATE TABLE lead_series (
    lead_id   UUID         NOT NULL REFERENCES lead (id),
    series_id UUID         NOT NULL REFERENCES series (id),
    linked_by VARCHAR(200) NOT NULL,
    linked_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (lead_id, series_id)
);
CREATE INDEX lead_series_series_idx ON lead_series (series_id);

CREATE TABLE lead_media (
    lead_id       UUID         NOT NULL REFERENCES lead (id),
    media_item_id UUID         NOT NULL REFERENCES media_item (id),
    linked_by     VARCHAR(200) NOT NULL,
    linked_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (lead_id, media_item_id)
);

-- What a closing established, each dated; a reopened and closed again lead adds a closing.
CREATE TABLE lead_outcome (
    id           BIGSERIAL    PRIMARY KEY,
    lead_id      UUID         NOT NULL REFERENCES lead (id),
    closing      INT          NOT NULL,
    outcome      VARCHAR(30)  NOT NULL
                     CHECK (outcome IN ('VICTIM_IDENTIFIED', 'OFFENDER_IDENTIFIED', 'NO_FURTHER_ACTION')),
    outcome_date DATE         NOT NULL,
    recorded_by  VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (lead_id, closing, outcome)
);

CREATE TABLE lead_clue (
    id              UUID             PRIMARY KEY,
    lead_id         UUID             NOT NULL REFERENCES lead (id),
    case_id         UUID             NOT NULL REFERENCES vid_case (id),
    clue_type       VARCHAR(30)      NOT NULL CHECK (clue_type IN ('LOCATION', 'OBJECT', 'TEXT', 'CLOTHING', 'DEVICE',
                                                                   'GPS', 'ONLINE_ACCOUNT', 'OTHER')),
    value           VARCHAR(2000)    NOT NULL,
    -- The normalised value another case's clue is compared with (null: this type is not compared).
    match_key       VARCHAR(400),
    latitude        DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    confidence      VARCHAR(10)      NOT NULL CHECK (confidence IN ('LOW', 'MEDIUM', 'HIGH')),
    added_by        VARCHAR(200)     NOT NULL,
    added_at        TIMESTAMPTZ      NOT NULL,
    updated_by      VARCHAR(200),
    updated_at      TIMESTAMPTZ,
    withdrawn_by    VARCHAR(200),
    withdrawn_at    TIMESTAMPTZ,
    withdraw_reason VARCHAR(2000),
    version         BIGINT           NOT NULL,
    CHECK ((clue_type = 'GPS') = (latitude IS NOT NULL AND longitude IS NOT NULL))
);
CREATE INDEX lead_clue_lead_idx ON lead_clue (lead_id);
CREATE INDEX lead_clue_key_idx ON lead_clue (clue_type, match_key) WHERE withdrawn_at IS NULL AND match_key IS NOT NULL;
CREATE INDEX lead_clue_gps_idx ON lead_clue (latitude, longitude) WHERE withdrawn_at IS NULL AND clue_type = 'GPS';

-- What a clue rests on: media items or series of the lead's case.
CREATE TABLE lead_clue_evidence (
    clue_id       UUID NOT NULL REFERENCES lead_clue (id),
    media_item_id UUID REFERENCES media_item (id),
    series_id     UUID REFERENCES series (id),
    CHECK ((media_item_id IS NULL) <> (series_id IS NULL))
);
CREATE UNIQUE INDEX lead_clue_evidence_idx ON lead_clue_evidence (clue_id, coalesce(media_item_id, series_id));

-- A clue found equal to a clue of another case: told once per pair, whichever came second.
CREATE TABLE lead_clue_hit (
    id         UUID         PRIMARY KEY,
    clue_id    UUID         NOT NULL REFERENCES lead_clue (id),
    other_clue UUID         NOT NULL REFERENCES lead_clue (id),
    found_by   VARCHAR(200) NOT NULL,
    found_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (clue_id, other_clue)
);
CREATE INDEX lead_clue_hit_by_idx ON lead_clue_hit (found_by, found_at);

CREATE TABLE lead_comment (
    id        UUID           PRIMARY KEY,
    lead_id   UUID           NOT NULL REFERENCES lead (id),
    author    VARCHAR(200)   NOT NULL,
    at        TIMESTAMPTZ    NOT NULL,
    body      VARCHAR(10000) NOT NULL
);
CREATE INDEX lead_comment_lead_idx ON lead_comment (lead_id, at);

-- A referral to another agency at home, or abroad (dispatched by a liaison officer).
CREATE TABLE lead_referral (
    id             UUID           PRIMARY KEY,
    lead_id        UUID           NOT NULL REFERENCES lead (id),
    recipient_kind VARCHAR(10)    NOT NULL CHECK (recipient_kind IN ('AGENCY', 'COUNTRY')),
    recipient      VARCHAR(300)   NOT NULL,
    country        VARCHAR(2),
    subject        VARCHAR(4000)  NOT NULL,
    state          VARCHAR(20)    NOT NULL CHECK (state IN ('AWAITING_DISPATCH', 'SENT', 'RETURNED')),
    recorded_by    VARCHAR(200)   NOT NULL,
    recorded_at    TIMESTAMPTZ    NOT NULL,
    sent_by        VARCHAR(200),
    sent_at        TIMESTAMPTZ,
    reply          VARCHAR(10000),
    replied_by     VARCHAR(200),
    replied_at     TIMESTAMPTZ,
    CHECK ((recipient_kind = 'COUNTRY') = (country IS NOT NULL))
);
CREATE INDEX lead_referral_lead_idx ON lead_referral (lead_id);

-- Every change to a lead, field by field (the audit trail records the same, tamper-evidently).
CREATE TABLE lead_event (
    id        BIGSERIAL     PRIMARY KEY,
    lead_id   UUID          NOT NULL REFERENCES lead (id),
    at        TIMESTAMPTZ   NOT NULL,
    actor     VARCHAR(200)  NOT NULL,
    action    VARCHAR(60)   NOT NULL,
    field     VARCHAR(60),
    old_value VARCHAR(4000),
    new_value VARCHAR(4000)
);
CREATE INDEX lead_event_lead_idx ON lead_event (lead_id, id);

-- An identified victim or offender: never a name or identity (that stays in the unit's own
-- systems), only a pseudonymous reference, when and by whom, and the leads and series it came from.
CREATE TABLE identification (
    id              UUID          PRIMARY KEY,
    case_id         UUID          NOT NULL REFERENCES vid_case (id),
    kind            VARCHAR(10)   NOT NULL CHECK (kind IN ('VICTIM', 'OFFENDER')),
    reference       VARCHAR(64)   NOT NULL,
    identified_on   DATE          NOT NULL,
    country         VARCHAR(2)    NOT NULL,
    unit            VARCHAR(200)  NOT NULL,
    recorded_by     VARCHAR(200)  NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    withdrawn_by    VARCHAR(200),
    withdrawn_at    TIMESTAMPTZ,
    withdraw_reason VARCHAR(2000)
);
CREATE INDEX identification_case_idx ON identification (case_id);
CREATE UNIQUE INDEX identification_reference_idx ON identification (case_id, kind, lower(reference))
    WHERE withdrawn_at IS NULL;

CREATE TABLE identification_lead (
    identification_id UUID NOT NULL REFERENCES identification (id),
    lead_id           UUID NOT NULL REFERENCES lead (id),
    PRIMARY KEY (identification_id, lead_id)
);

CREATE TABLE identification_series (
    identification_id UUID NOT NULL REFERENCES identification (id),
    series_id         UUID NOT NULL REFERENCES series (id),
    PRIMARY KEY (identification_id, series_id)
);
CREATE INDEX identification_series_series_idx ON identification_series (series_id);

-- The series' flags follow the records: which record, and which lead of it, set each.
ALTER TABLE series ADD COLUMN victim_record UUID REFERENCES identification (id);
ALTER TABLE series ADD COLUMN victim_lead UUID REFERENCES lead (id);
ALTER TABLE series ADD COLUMN offender_record UUID REFERENCES identification (id);
ALTER TABLE series ADD COLUMN offender_lead UUID REFERENCES lead (id);

-- Nothing is deleted: links and assignees are replaced, the rest only grows or is updated in place.
GRANT SELECT, INSERT, UPDATE ON lead, lead_clue, lead_referral, identification TO ${appUser};
GRANT SELECT, INSERT, DELETE ON lead_assignee, lead_series, lead_media, lead_clue_evidence TO ${appUser};
GRANT SELECT, INSERT ON lead_outcome, lead_comment, lead_event, lead_clue_hit, identification_lead,
    identification_series TO ${appUser};
GRANT USAGE ON SEQUENCE lead_number_seq, lead_outcome_id_seq, lead_event_id_seq TO ${appUser};
