-- Transactional outbox for the search index. Every change to a media item or its locations
-- queues the item's id in the same transaction as the change, whatever code path made it (an
-- upload, a categorisation, a bulk COPY of an import, a matching update by SQL): a statement-level
-- trigger over the transition table, so that a million-row COPY adds one INSERT ... SELECT, not a
-- million. The dispatcher indexes the item's state as it is when it runs and deletes the rows;
-- the highest seq of an item is the document's external version, so an older write never
-- replaces a newer one, whichever replica sends it.
CREATE TABLE search_outbox (
    seq       BIGSERIAL   PRIMARY KEY,
    media_id  UUID        NOT NULL,
    queued_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION search_outbox_queue_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (media_id) SELECT DISTINCT id FROM changed_items;
    RETURN NULL;
END $$;

CREATE FUNCTION search_outbox_queue_locations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (media_id) SELECT DISTINCT media_id FROM changed_locations;
    RETURN NULL;
END $$;

CREATE TRIGGER media_item_inserted_to_search AFTER INSERT ON media_item
    REFERENCING NEW TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_items();
CREATE TRIGGER media_item_updated_to_search AFTER UPDATE ON media_item
    REFERENCING NEW TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_items();
CREATE TRIGGER media_location_inserted_to_search AFTER INSERT ON media_location
    REFERENCING NEW TABLE AS changed_locations FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_locations();

-- UPDATE only because SELECT ... FOR UPDATE SKIP LOCKED needs it; rows are never updated.
GRANT SELECT, INSERT, UPDATE, DELETE ON search_outbox TO ${appUser};
GRANT USAGE ON SEQUENCE search_outbox_seq_seq TO ${appUser};
