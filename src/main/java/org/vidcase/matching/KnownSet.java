package org.vidcase.matching;

import java.util.UUID;
import org.vidcase.hashset.domain.HashSetKind;
import org.vidcase.hashset.domain.HashSetSource;
import org.vidcase.hashset.domain.ReferenceHashSet;

/** What matching needs to know of a hash set, kept in memory beside its entries. */
public record KnownSet(UUID id, int indexId, String name, String version, HashSetKind kind, HashSetSource source,
                       String categoryScheme, boolean active) {

    public static KnownSet of(ReferenceHashSet s) {
        return new KnownSet(s.id, s.indexId, s.name, s.setVersion, s.kind, s.source, s.categoryScheme, s.active);
    }
}
