package org.vidcase.media.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.media.domain.MediaLocation;

public record LocationView(UUID seizureId, String fileName, String path, Instant created, Instant modified,
                           Instant accessed) {

    public static LocationView of(MediaLocation l) {
        return new LocationView(l.seizureId, l.fileName, l.path, l.created, l.modified, l.accessed);
    }
}
