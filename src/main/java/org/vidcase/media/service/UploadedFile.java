package org.vidcase.media.service;

import java.time.Instant;

/** Where an uploaded file came from on the seized device, as the uploader states it. */
public record UploadedFile(String fileName, String path, Instant created, Instant modified, Instant accessed) {

    public UploadedFile {
        check("fileName", fileName, 1000);
        check("path", path, 4000);
    }

    private static void check(String field, String value, int max) {
        if (value != null && (value.length() > max || value.indexOf('\u0000') >= 0)) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, without NUL");
        }
    }
}
