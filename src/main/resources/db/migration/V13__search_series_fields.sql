-- The search index (documents version 2) carries each item's series and the series' name, so a
-- change of membership or of a series' name or reference queues the items concerned, in the same
-- transaction, like every other change (V8).
CREATE FUNCTION search_outbox_queue_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (media_id) SELECT DISTINCT media_item_id FROM changed_members;
    RETURN NULL;
END $$;

CREATE TRIGGER series_member_inserted_to_search AFTER INSERT ON series_member
    REFERENCING NEW TABLE AS changed_members FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_members();
CREATE TRIGGER series_member_updated_to_search AFTER UPDATE ON series_member
    REFERENCING NEW TABLE AS changed_members FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_members();
CREATE TRIGGER series_member_deleted_to_search AFTER DELETE ON series_member
    REFERENCING OLD TABLE AS changed_members FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_members();

CREATE FUNCTION search_outbox_queue_renamed_series() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_outbox (media_id)
        SELECT DISTINCT m.media_item_id
          FROM renamed_series n JOIN renamed_series_before o ON o.id = n.id
          JOIN series_member m ON m.series_id = n.id
         WHERE (n.name, n.reference) IS DISTINCT FROM (o.name, o.reference) AND m.state <> 'REJECTED';
    RETURN NULL;
END $$;

CREATE TRIGGER series_renamed_to_search AFTER UPDATE ON series
    REFERENCING NEW TABLE AS renamed_series OLD TABLE AS renamed_series_before
    FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_queue_renamed_series();
