-- Leads are indexed through the same outbox as media: a row names either a media item (media_id)
-- or another kind of object (object_kind, object_id); the dispatcher hands each kind to its indexer.
ALTER TABLE search_outbox ALTER COLUMN media_id DROP NOT NULL;
ALTER TABLE search_outbox ADD COLUMN object_kind VARCHAR(20);
ALTER TABLE search_outbox ADD COLUMN object_id UUID;
ALTER TABLE search_outbox ADD CONSTRAINT search_outbox_one_object
    CHECK ((media_id IS NULL) = (object_id IS NOT NULL) AND (object_id IS NULL) = (object_kind IS NULL));

CREATE FUNCTION search_outbox_queue_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (object_kind, object_id) SELECT DISTINCT 'lead', id FROM changed_leads;
    RETURN NULL;
END $$;

CREATE FUNCTION search_outbox_queue_lead_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (object_kind, object_id) SELECT DISTINCT 'lead', lead_id FROM changed_parts;
    RETURN NULL;
END $$;

CREATE TRIGGER lead_inserted_to_search AFTER INSERT ON lead
    REFERENCING NEW TABLE AS changed_leads FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_leads();
CREATE TRIGGER lead_updated_to_search AFTER UPDATE ON lead
    REFERENCING NEW TABLE AS changed_leads FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_leads();
CREATE TRIGGER lead_clue_inserted_to_search AFTER INSERT ON lead_clue
    REFERENCING NEW TABLE AS changed_parts FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_lead_parts();
CREATE TRIGGER lead_clue_updated_to_search AFTER UPDATE ON lead_clue
    REFERENCING NEW TABLE AS changed_parts FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_lead_parts();
CREATE TRIGGER lead_assignee_inserted_to_search AFTER INSERT ON lead_assignee
    REFERENCING NEW TABLE AS changed_parts FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_lead_parts();
CREATE TRIGGER lead_assignee_deleted_to_search AFTER DELETE ON lead_assignee
    REFERENCING OLD TABLE AS changed_parts FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_lead_parts();
CREATE TRIGGER lead_comment_inserted_to_search AFTER INSERT ON lead_comment
    REFERENCING NEW TABLE AS changed_parts FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_lead_parts();
