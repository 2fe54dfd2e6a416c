-- Foundation: audit trail, jobs, cases.
-- Runs as the schema owner. The application connects as ${appUser}, which may read and append
-- audit rows but never change or remove them (see docs/operations.md).

CREATE TABLE audit_event (
    seq           BIGINT       PRIMARY KEY,
    id            UUID         NOT NULL UNIQUE,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(100) NOT NULL,
    object_type   VARCHAR(50),
    object_id     VARCHAR(200),
    case_id       UUID,
    outcome       VARCHAR(20)  NOT NULL,
    justification TEXT,
    request_id    VARCHAR(64),
    detail        TEXT,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_event_case_idx ON audit_event (case_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, seq);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

-- Defence in depth beside the grants: even the owner cannot rewrite history without first
-- disabling this trigger, which itself needs ownership and shows in the server log.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

CREATE TABLE job (
    id           UUID         PRIMARY KEY,
    type         VARCHAR(100) NOT NULL,
    state        VARCHAR(20)  NOT NULL,
    case_id      UUID,
    owner        VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    started_at   TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ,
    total_items  BIGINT,
    done_items   BIGINT       NOT NULL DEFAULT 0,
    error_count  BIGINT       NOT NULL DEFAULT 0,
    errors       TEXT,
    message      TEXT,
    parameters   TEXT,
    checkpoint   TEXT,
    result       TEXT,
    attempts     INT          NOT NULL DEFAULT 0
);
CREATE INDEX job_unfinished_idx ON job (state) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE vid_case (
    id             UUID          PRIMARY KEY,
    reference      VARCHAR(64)   NOT NULL UNIQUE,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000),
    status         VARCHAR(20)   NOT NULL,
    created_by     VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    closed_by      VARCHAR(200),
    closed_at      TIMESTAMPTZ,
    closing_reason VARCHAR(2000),
    version        BIGINT        NOT NULL
);

CREATE TABLE case_member (
    id        UUID         PRIMARY KEY,
    case_id   UUID         NOT NULL REFERENCES vid_case (id),
    username  VARCHAR(100) NOT NULL,
    case_role VARCHAR(20)  NOT NULL,
    added_by  VARCHAR(200) NOT NULL,
    added_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT case_member_unique UNIQUE (case_id, username)
);
CREATE INDEX case_member_user_idx ON case_member (username);

-- Application privileges. Later migrations grant on their own tables the same way.
GRANT USAGE ON SCHEMA public TO ${appUser};
GRANT SELECT, INSERT ON audit_event TO ${appUser};
GRANT SELECT, INSERT, UPDATE, DELETE ON job, vid_case, case_member TO ${appUser};
