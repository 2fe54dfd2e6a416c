package org.vidcase.media.service;

import org.vidcase.media.api.MediaItemView;

/** The item an upload filed into, and what the upload changed. */
public record UploadResult(MediaItemView item, UploadStatus status) {
}
