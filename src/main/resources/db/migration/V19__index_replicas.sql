-- Each replica's reference index follows hash_set on its own (a poll); this table is where each
-- replica confirms how current its index is: synced_at, the database time of the hash_set state
-- it serves, and heartbeat_at, its last confirmation. A re-matching job counts only once every
-- live replica confirms a state at least as new as the change it matches for.
CREATE TABLE index_replica (
    replica      VARCHAR(200)  PRIMARY KEY,
    synced_at    TIMESTAMPTZ   NOT NULL,
    heartbeat_at TIMESTAMPTZ   NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON index_replica TO ${appUser};
