package org.vidcase.hashset.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

/** A reference hash set held by the unit: one version of one source's list. */
@Entity
@Table(name = "hash_set")
public class ReferenceHashSet {

    @Id
    public UUID id;

    /** Compact number of the set in the in-memory indexes; assigned by the database. */
    @Generated
    @Column(name = "index_id", insertable = false, updatable = false)
    public Integer indexId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HashSetSource source;

    @Column(name = "set_version", nullable = false)
    public String setVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HashSetKind kind;

    @Column(name = "category_scheme", nullable = false)
    public String categoryScheme;

    public String description;

    /** Category given to entries that carry none (an ICSE export has no category column). */
    @Column(name = "default_category")
    public String defaultCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_state", nullable = false)
    public ImportState importState = ImportState.EMPTY;

    @Column(name = "import_file_sha256")
    public String importFileSha256;

    /** The import or re-matching job last started for this set. */
    @Column(name = "last_job_id")
    public UUID lastJobId;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "entry_count", nullable = false)
    public long entryCount;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
