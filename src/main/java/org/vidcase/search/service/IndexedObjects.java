package org.vidcase.search.service;

import java.sql.Connection;
import java.util.Set;
import java.util.UUID;

/**
 * A kind of object other than media that is indexed through the search outbox: rows with its
 * {@link #kind()} in {@code object_kind} are handed to it, in the dispatcher's transaction. A
 * feature above search implements it, so that search never depends on that feature.
 */
public interface IndexedObjects {

    /** The {@code object_kind} of its outbox rows, e.g. {@code lead}. */
    String kind();

    /**
     * Brings the index up to the current state of these objects (deleting those that no longer
     * exist), with {@code version} as the external version, reading through {@code c}. Throws when
     * the index cannot take them now, so that the whole batch is tried again; an object the index
     * refuses for good is logged and left out.
     */
    void index(Connection c, Set<UUID> ids, long version) throws Exception;
}
