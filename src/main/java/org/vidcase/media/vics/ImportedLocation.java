package org.vidcase.media.vics;

import java.time.Instant;

/** One place where a tool found the file on the seized device; every part may be unknown. */
public record ImportedLocation(String fileName, String path, Instant created, Instant modified, Instant accessed) {

    boolean isEmpty() {
        return fileName == null && path == null && created == null && modified == null && accessed == null;
    }
}
