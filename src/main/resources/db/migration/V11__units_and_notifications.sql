-- Units: every user and case belongs to one (the user's from the token's groups claim,
-- /units/<name>; a case's from whoever opened it). Supervisors see the cases of their unit. A case
-- opened before units existed, or by a user without one, has none and stays visible to every
-- supervisor.
ALTER TABLE vid_case ADD COLUMN unit VARCHAR(100);
CREATE INDEX vid_case_unit_idx ON vid_case (unit);

-- A per-user inbox that features use to tell people things (a cross-case hit, a finished job).
CREATE TABLE notification (
    id         UUID          PRIMARY KEY,
    username   VARCHAR(200)  NOT NULL,
    kind       VARCHAR(50)   NOT NULL,
    title      VARCHAR(400)  NOT NULL,
    body       VARCHAR(4000),
    case_id    UUID          REFERENCES vid_case (id),
    created_at TIMESTAMPTZ   NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX notification_user_idx ON notification (username, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (username) WHERE read_at IS NULL;

-- Cross-case recognition: a picture of the hitting case was found related to a series of another
-- case. The hitting side is told only that such a series exists and whom to contact; the owning
-- side is notified. One row per (hitting case, series): a hit is told once.
CREATE TABLE series_hit (
    id             UUID          PRIMARY KEY,
    hitting_case   UUID          NOT NULL REFERENCES vid_case (id),
    media_item_id  UUID          NOT NULL REFERENCES media_item (id),
    series_id      UUID          NOT NULL REFERENCES series (id),
    owning_unit    VARCHAR(100),
    found_by       VARCHAR(200)  NOT NULL,
    found_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT series_hit_once UNIQUE (hitting_case, series_id)
);
CREATE INDEX series_hit_finder_idx ON series_hit (found_by, found_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON notification TO ${appUser};
GRANT SELECT, INSERT ON series_hit TO ${appUser};
