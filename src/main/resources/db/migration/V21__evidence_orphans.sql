-- Stored objects no row refers to (an upload whose content the deployment already held, or a race
-- between two uploads of the same content): removed by a background sweep, never on the request's
-- path, so that an upload of content another case holds makes the same storage calls as any other.
CREATE TABLE evidence_orphan (
    object_key VARCHAR(300) PRIMARY KEY,
    queued_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_orphan TO ${appUser};
