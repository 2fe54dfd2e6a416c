-- Retention and disposal of closed cases, with crypto-shredding.
--
-- Evidence data keys are wrapped under a key-encryption key of each case that holds the content
-- (evidence_key), and the case keys live in a separate key store database (db/keys), not in this
-- database or its backups. Disposing of a case deletes its rows through one audited path
-- (dispose_case_rows), and then destroys its key: old backups of this database and of the bucket
-- can no longer decrypt what only that case held.

-- A data key per (content, case): content shared by several cases is readable through each of them,
-- and stays readable for the others when one is disposed of.
CREATE TABLE evidence_key (
    blob_sha256 VARCHAR(64)  NOT NULL REFERENCES evidence_blob (sha256),
    case_id     UUID         NOT NULL REFERENCES vid_case (id),
    wrapped_key VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (blob_sha256, case_id)
);
CREATE INDEX evidence_key_case_idx ON evidence_key (case_id);
GRANT SELECT, INSERT, DELETE ON evidence_key TO ${appUser};

-- Until the start-up migration has re-wrapped them per case, blobs filed before V22 keep their data
-- key wrapped under the master key here; new blobs never do.
ALTER TABLE evidence_blob ALTER COLUMN wrapped_key DROP NOT NULL;

-- Legal hold and retention on the case.
ALTER TABLE vid_case ADD COLUMN retain_until      TIMESTAMPTZ;
ALTER TABLE vid_case ADD COLUMN legal_hold        BOOLEAN       NOT NULL DEFAULT false;
ALTER TABLE vid_case ADD COLUMN legal_hold_reason VARCHAR(2000);
ALTER TABLE vid_case ADD COLUMN legal_hold_by     VARCHAR(200);
ALTER TABLE vid_case ADD COLUMN legal_hold_at     TIMESTAMPTZ;
ALTER TABLE vid_case ADD CONSTRAINT vid_case_hold_reason CHECK (NOT legal_hold OR legal_hold_reason IS NOT NULL);

-- The register of disposals: what was disposed of, who approved it, when, and what was removed.
-- It outlives the case (no foreign key) and is never deleted.
CREATE TABLE case_disposal (
    id              UUID          PRIMARY KEY,
    case_id         UUID          NOT NULL UNIQUE,
    case_reference  VARCHAR(64)   NOT NULL,
    unit            VARCHAR(100),
    closed_at       TIMESTAMPTZ   NOT NULL,
    retain_until    TIMESTAMPTZ   NOT NULL,
    state           VARCHAR(20)   NOT NULL CHECK (state IN ('APPROVED', 'DISPOSED', 'STOPPED')),
    approved_by     VARCHAR(200)  NOT NULL,
    approved_at     TIMESTAMPTZ   NOT NULL,
    legal_basis     VARCHAR(2000) NOT NULL,
    job_id          UUID,
    rows_removed    TEXT,
    objects_removed INT,
    objects_kept    INT,
    key_destroyed_at TIMESTAMPTZ,
    disposed_at     TIMESTAMPTZ,
    stopped_reason  VARCHAR(2000)
);
GRANT SELECT, INSERT, UPDATE ON case_disposal TO ${appUser};

-- Append-only tables refuse UPDATE and DELETE to everyone, except inside dispose_case_rows, which
-- marks its own transaction. The application role has no DELETE on them at all: the function runs
-- as the owner.
CREATE FUNCTION append_only_unless_disposing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('vidcase.disposing', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER custody_entry_no_update ON custody_entry;
CREATE TRIGGER custody_entry_no_update BEFORE UPDATE OR DELETE ON custody_entry
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_disposing();
DROP TRIGGER media_categorisation_no_update ON media_categorisation;
CREATE TRIGGER media_categorisation_no_update BEFORE UPDATE OR DELETE ON media_categorisation
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_disposing();
CREATE TRIGGER series_event_no_update BEFORE UPDATE OR DELETE ON series_event
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_disposing();
CREATE TRIGGER lead_event_no_update BEFORE UPDATE OR DELETE ON lead_event
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_disposing();

-- The steps of the one disposal path, in order: each a statement run with the case's id as $1 (and
-- the temporary tables disposing_* the function fills). A feature that adds tables keeping case data
-- adds its steps here in its own migration (ordinals leave room). Only the owner may change them:
-- they run as the owner.
CREATE TABLE disposal_step (
    ordinal   INT           PRIMARY KEY,
    name      VARCHAR(100)  NOT NULL UNIQUE,
    statement TEXT          NOT NULL
);
REVOKE ALL ON disposal_step FROM PUBLIC;
INSERT INTO disposal_step (ordinal, name, statement) VALUES
    (100, 'search_refused', 'DELETE FROM search_refused WHERE media_id IN (SELECT id FROM disposing_media)'),
    (200, 'series_hit', 'DELETE FROM series_hit WHERE hitting_case = $1 OR media_item_id IN (SELECT id FROM disposing_media) OR series_id IN (SELECT id FROM disposing_series)'),
    (300, 'notification', 'DELETE FROM notification WHERE case_id = $1'),
    (400, 'lead_clue_hit', 'DELETE FROM lead_clue_hit WHERE clue_id IN (SELECT id FROM disposing_clue) OR other_clue IN (SELECT id FROM disposing_clue)'),
    (500, 'lead_clue_evidence', 'DELETE FROM lead_clue_evidence WHERE clue_id IN (SELECT id FROM disposing_clue) OR media_item_id IN (SELECT id FROM disposing_media) OR series_id IN (SELECT id FROM disposing_series)'),
    (600, 'lead_clue', 'DELETE FROM lead_clue WHERE id IN (SELECT id FROM disposing_clue)'),
    (700, 'identification_lead', 'DELETE FROM identification_lead WHERE identification_id IN (SELECT id FROM disposing_identification) OR lead_id IN (SELECT id FROM disposing_lead)'),
    (800, 'identification_series', 'DELETE FROM identification_series WHERE identification_id IN (SELECT id FROM disposing_identification) OR series_id IN (SELECT id FROM disposing_series)'),
    (900, 'lead_assignee', 'DELETE FROM lead_assignee WHERE lead_id IN (SELECT id FROM disposing_lead)'),
    (1000, 'lead_series', 'DELETE FROM lead_series WHERE lead_id IN (SELECT id FROM disposing_lead) OR series_id IN (SELECT id FROM disposing_series)'),
    (1100, 'lead_media', 'DELETE FROM lead_media WHERE lead_id IN (SELECT id FROM disposing_lead) OR media_item_id IN (SELECT id FROM disposing_media)'),
    (1200, 'lead_outcome', 'DELETE FROM lead_outcome WHERE lead_id IN (SELECT id FROM disposing_lead)'),
    (1300, 'lead_comment', 'DELETE FROM lead_comment WHERE lead_id IN (SELECT id FROM disposing_lead)'),
    (1400, 'lead_referral', 'DELETE FROM lead_referral WHERE lead_id IN (SELECT id FROM disposing_lead)'),
    (1500, 'lead_event', 'DELETE FROM lead_event WHERE lead_id IN (SELECT id FROM disposing_lead)'),
    (1600, 'series_member', 'DELETE FROM series_member WHERE series_id IN (SELECT id FROM disposing_series) OR media_item_id IN (SELECT id FROM disposing_media)'),
    (1700, 'series_event', 'DELETE FROM series_event WHERE series_id IN (SELECT id FROM disposing_series)'),
    (1800, 'series_name', 'DELETE FROM series_name WHERE case_id = $1 OR series_id IN (SELECT id FROM disposing_series)'),
    (1900, 'series_case_link', 'DELETE FROM series_case_link WHERE case_id = $1 OR series_id IN (SELECT id FROM disposing_series)'),
    (2000, 'series_merge_link', 'UPDATE series SET merged_into = NULL WHERE merged_into IN (SELECT id FROM disposing_series) AND case_id <> $1'),
    (2100, 'series', 'DELETE FROM series WHERE id IN (SELECT id FROM disposing_series)'),
    (2200, 'identification', 'DELETE FROM identification WHERE id IN (SELECT id FROM disposing_identification)'),
    (2300, 'lead', 'DELETE FROM lead WHERE id IN (SELECT id FROM disposing_lead)'),
    (2400, 'media_match', 'DELETE FROM media_match WHERE media_id IN (SELECT id FROM disposing_media)'),
    (2500, 'media_categorisation', 'DELETE FROM media_categorisation WHERE media_id IN (SELECT id FROM disposing_media)'),
    (2600, 'media_location', 'DELETE FROM media_location WHERE media_id IN (SELECT id FROM disposing_media)'),
    (2700, 'evidence_key', 'DELETE FROM evidence_key WHERE case_id = $1 OR blob_sha256 IN (SELECT sha256 FROM disposing_blob WHERE NOT shared)'),
    (2800, 'media_item', 'DELETE FROM media_item WHERE id IN (SELECT id FROM disposing_media)'),
    (2900, 'evidence_blob', 'DELETE FROM evidence_blob WHERE sha256 IN (SELECT sha256 FROM disposing_blob WHERE NOT shared)'),
    (3000, 'custody_entry', 'DELETE FROM custody_entry WHERE seizure_id IN (SELECT id FROM disposing_seizure)'),
    (3100, 'seizure', 'DELETE FROM seizure WHERE id IN (SELECT id FROM disposing_seizure)'),
    (3200, 'job', 'DELETE FROM job WHERE case_id = $1'),
    (3300, 'case_member', 'DELETE FROM case_member WHERE case_id = $1'),
    (3400, 'vid_case', 'DELETE FROM vid_case WHERE id = $1');

-- The one path that deletes a case's data, append-only history included (the audit trail is kept:
-- it records the disposal). The caller (the disposal job) has checked the case is closed, past its
-- retention and not on hold, and writes the audit event in the same transaction. Content another
-- case still holds stays; objects only this case held, and the case's imported source files, are
-- queued for the orphan sweep to remove from the bucket; deleted media and leads are queued in the
-- search outbox so that their documents are removed from the index.
-- Returns the number of rows removed per table and the objects queued.
CREATE FUNCTION dispose_case_rows(p_case UUID) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    removed jsonb := '{}'::jsonb;
    n       bigint;
    queued  int := 0;
    kept    int := 0;
    step    record;
BEGIN
    PERFORM 1 FROM vid_case WHERE id = p_case FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % does not exist', p_case;
    END IF;
    PERFORM set_config('vidcase.disposing', 'on', true);

    CREATE TEMP TABLE disposing_media ON COMMIT DROP AS SELECT id, blob_sha256 FROM media_item WHERE case_id = p_case;
    CREATE TEMP TABLE disposing_seizure ON COMMIT DROP AS SELECT id FROM seizure WHERE case_id = p_case;
    CREATE TEMP TABLE disposing_series ON COMMIT DROP AS SELECT id FROM series WHERE case_id = p_case;
    CREATE TEMP TABLE disposing_lead ON COMMIT DROP AS SELECT id FROM lead WHERE case_id = p_case;
    CREATE TEMP TABLE disposing_clue ON COMMIT DROP AS SELECT id FROM lead_clue WHERE case_id = p_case;
    CREATE TEMP TABLE disposing_identification ON COMMIT DROP AS SELECT id FROM identification WHERE case_id = p_case;

    -- Objects: content no other case holds, and the case's imported source files.
    CREATE TEMP TABLE disposing_blob ON COMMIT DROP AS
        SELECT DISTINCT b.sha256, b.object_key,
               EXISTS (SELECT 1 FROM media_item o WHERE o.blob_sha256 = b.sha256 AND o.case_id <> p_case) AS shared
          FROM evidence_blob b JOIN disposing_media m ON m.blob_sha256 = b.sha256;
    INSERT INTO evidence_orphan (object_key)
        SELECT object_key FROM disposing_blob WHERE NOT shared ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT; queued := queued + n;
    INSERT INTO evidence_orphan (object_key)
        SELECT DISTINCT key FROM (
            SELECT CASE WHEN type = 'media-import' THEN parameters::jsonb ->> 'objectKey' END AS key
              FROM job WHERE case_id = p_case AND type = 'media-import' AND parameters IS NOT NULL) import
         WHERE key IS NOT NULL
        ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT; queued := queued + n;
    SELECT count(*) INTO kept FROM disposing_blob WHERE shared;

    -- The index forgets the case's media and leads.
    INSERT INTO search_outbox (media_id) SELECT id FROM disposing_media;
    INSERT INTO search_outbox (object_kind, object_id) SELECT 'lead', id FROM disposing_lead;

    -- The steps, in dependency order (disposal_step); each statement's row count goes into the summary.
    FOR step IN SELECT name, statement FROM disposal_step ORDER BY ordinal LOOP
        EXECUTE step.statement USING p_case;
        GET DIAGNOSTICS n = ROW_COUNT;
        removed := removed || jsonb_build_object(step.name, n);
    END LOOP;

    PERFORM set_config('vidcase.disposing', 'off', true);
    RETURN jsonb_build_object('rows', removed, 'objectsQueued', queued, 'objectsKept', kept);
END;
$$;
REVOKE ALL ON FUNCTION dispose_case_rows(UUID) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dispose_case_rows(UUID) TO ${appUser};
