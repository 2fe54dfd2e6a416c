-- Items whose document could not be indexed for a reason retrying will not cure (the index
-- refused it, or its state could not be made into a document). They leave the outbox, so that
-- one such item never holds up the others, and wait here, counted in the health details, until
-- the item changes again or a rebuild indexes it.
CREATE TABLE search_refused (
    media_id   UUID          PRIMARY KEY,
    reason     VARCHAR(2000) NOT NULL,
    refused_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE, DELETE ON search_refused TO ${appUser};
