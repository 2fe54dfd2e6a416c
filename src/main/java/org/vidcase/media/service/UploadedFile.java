package org.vidcase.media.service;

import java.time.Instant;

/** Where an uploaded file came from on the seized device, as the uploader states it. */
public record UploadedFile(String fileName, String path, Instant created, Instant modified, Instant accessed) {
}
