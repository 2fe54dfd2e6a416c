-- The web UI (issue 13).

-- A user's own jobs, newest first (GET /api/jobs).
CREATE INDEX job_owner_idx ON job (owner, created_at DESC);

-- Categorisation decisions: the history rows one decision wrote (one item, a whole stack or a
-- whole series) share its id, so that the decision can be undone as a whole and sent to a second
-- grader as one. An undo is a history row of its own naming the decision it undid; it may bring an
-- item back to having no category at all, hence a source that may be empty.
ALTER TABLE media_categorisation ADD COLUMN decision_id UUID;
ALTER TABLE media_categorisation ADD COLUMN undoes UUID;
ALTER TABLE media_categorisation ALTER COLUMN source DROP NOT NULL;
CREATE INDEX media_categorisation_decision_idx ON media_categorisation (decision_id) WHERE decision_id IS NOT NULL;

-- Second opinions: a share of officers' decisions, and every decision to an alert category, go to
-- a second grader of the case team; a disagreement waits for a supervisor, both decisions kept.
-- Rows go with the item (a disposal removes the item).
CREATE TABLE second_opinion (
    id                UUID          PRIMARY KEY,
    case_id           UUID          NOT NULL REFERENCES vid_case (id) ON DELETE CASCADE,
    media_id          UUID          NOT NULL REFERENCES media_item (id) ON DELETE CASCADE,
    decision_id       UUID          NOT NULL UNIQUE,
    item_count        INT           NOT NULL,
    reason            VARCHAR(20)   NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    first_category    VARCHAR(50)   NOT NULL,
    first_by          VARCHAR(200)  NOT NULL,
    first_at          TIMESTAMPTZ   NOT NULL,
    second_category   VARCHAR(50),
    second_by         VARCHAR(200),
    second_at         TIMESTAMPTZ,
    second_note       VARCHAR(2000),
    resolved_category VARCHAR(50),
    resolved_by       VARCHAR(200),
    resolved_at       TIMESTAMPTZ,
    resolution_note   VARCHAR(2000),
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT second_opinion_state CHECK (state IN ('AWAITING', 'AGREED', 'DISAGREED', 'RESOLVED', 'WITHDRAWN')),
    CONSTRAINT second_opinion_reason CHECK (reason IN ('ALERT', 'SAMPLE'))
);
CREATE INDEX second_opinion_case_state_idx ON second_opinion (case_id, state, first_at);
CREATE INDEX second_opinion_media_idx ON second_opinion (media_id);
GRANT SELECT, INSERT, UPDATE ON second_opinion TO ${appUser};
