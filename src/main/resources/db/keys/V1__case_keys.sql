-- The key store: one key-encryption key per case, itself wrapped under a master key. This database
-- is kept apart from the main one (and from its backups): destroying a case's key here is what
-- makes the case's evidence unreadable in old backups of the main database and of the bucket.
CREATE TABLE case_key (
    case_id     UUID         PRIMARY KEY,
    wrapped_key VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Cases whose key was destroyed: a key is never made again for them.
CREATE TABLE destroyed_case_key (
    case_id      UUID        PRIMARY KEY,
    destroyed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

GRANT USAGE ON SCHEMA public TO ${appUser};
GRANT SELECT, INSERT, DELETE ON case_key TO ${appUser};
GRANT SELECT, INSERT ON destroyed_case_key TO ${appUser};

-- The server vacuums case_key right after destroying a key, so that the deleted row leaves the
-- table's pages at once rather than at the next autovacuum (PostgreSQL 17 and later).
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 170000 THEN
        EXECUTE format('GRANT MAINTAIN ON case_key TO %I', '${appUser}');
    END IF;
END $$;
