-- Disposal covers what video hashing keeps of a case's items: their key frames (objects queued for the
-- orphan sweep, then rows) and vPDQ hashes; run before the items themselves (disposal_step, V22).
INSERT INTO disposal_step (ordinal, name, statement) VALUES
    (2350, 'video_key_frame_objects', 'INSERT INTO evidence_orphan (object_key) SELECT object_key FROM video_key_frame WHERE media_id IN (SELECT id FROM disposing_media) ON CONFLICT DO NOTHING'),
    (2360, 'video_key_frame', 'DELETE FROM video_key_frame WHERE media_id IN (SELECT id FROM disposing_media)'),
    (2370, 'video_hash', 'DELETE FROM video_hash WHERE media_id IN (SELECT id FROM disposing_media)');
