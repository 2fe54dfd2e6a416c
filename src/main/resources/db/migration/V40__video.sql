-- Video (issue 14): decoding state and container facts on the item, the vPDQ hash of each decoded
-- video, its key frames (stored encrypted like evidence), vPDQ entries of reference sets, and the
-- shares of a vPDQ match.

ALTER TABLE media_item
    ADD COLUMN video_state            VARCHAR(10) CHECK (video_state IN ('PENDING', 'HASHED', 'FAILED')),
    ADD COLUMN video_failure          VARCHAR(2000),
    ADD COLUMN video_container        VARCHAR(100),
    ADD COLUMN video_codec            VARCHAR(100),
    ADD COLUMN video_duration_seconds DOUBLE PRECISION,
    ADD COLUMN video_frame_rate       DOUBLE PRECISION;
-- The few items waiting to be decoded (the review queue and the reduction report leave them out).
CREATE INDEX media_item_video_pending_idx ON media_item (case_id) WHERE video_state = 'PENDING';

CREATE TABLE video_hash (
    media_id       UUID             PRIMARY KEY REFERENCES media_item (id),
    -- A compact number for the in-memory frame index (frames are indexed as video_no << 24 | frame).
    video_no       BIGINT           GENERATED ALWAYS AS IDENTITY UNIQUE,
    case_id        UUID             NOT NULL,
    -- vPDQ frames after pruning, 44 bytes each (org.vidcase.hashing.video.VpdqSignature#toBytes).
    frames         BYTEA            NOT NULL,
    frame_count    INTEGER          NOT NULL,
    sampled_frames INTEGER          NOT NULL,
    decoded_frames BIGINT           NOT NULL,
    hashed_at      TIMESTAMPTZ      NOT NULL
);
CREATE INDEX video_hash_case_idx ON video_hash (case_id);

CREATE TABLE video_key_frame (
    media_id          UUID             NOT NULL REFERENCES media_item (id),
    ordinal           SMALLINT         NOT NULL,
    frame_number      INTEGER          NOT NULL,
    timestamp_seconds DOUBLE PRECISION NOT NULL,
    quality           SMALLINT         NOT NULL,
    pdq               VARCHAR(64)      NOT NULL,
    width             INTEGER          NOT NULL,
    height            INTEGER          NOT NULL,
    object_key        VARCHAR(300)     NOT NULL UNIQUE,
    wrapped_key       VARCHAR(200)     NOT NULL,
    sha256            VARCHAR(64)      NOT NULL,
    size_bytes        BIGINT           NOT NULL,
    PRIMARY KEY (media_id, ordinal)
);

-- A reference entry that is a video: its vPDQ frames, in the same stored form.
ALTER TABLE hash_set_entry ADD COLUMN vpdq BYTEA;

-- VPDQ matches: the share of the item's frames and of the entry's frames that matched; FRAME_PDQ
-- matches (a frame of the video near a known picture): when in the video.
ALTER TABLE media_match
    ADD COLUMN query_percent    REAL,
    ADD COLUMN compared_percent REAL,
    ADD COLUMN frame_seconds    REAL;

GRANT SELECT, INSERT, UPDATE, DELETE ON video_hash, video_key_frame TO ${appUser};
