package org.vidcase.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A place where a media item was found: seizure, path, file name and file-system times. */
@Entity
@Table(name = "media_location")
public class MediaLocation {

    @Id
    public UUID id;

    @Column(name = "media_id", nullable = false)
    public UUID mediaId;

    @Column(name = "seizure_id", nullable = false)
    public UUID seizureId;

    /** First 128 bits of SHA-256(seizure, path, name): makes re-imports idempotent without indexing long paths. */
    @Column(name = "location_key", nullable = false)
    public String locationKey;

    @Column(name = "file_name")
    public String fileName;

    public String path;
    public Instant created;
    public Instant modified;
    public Instant accessed;
}
