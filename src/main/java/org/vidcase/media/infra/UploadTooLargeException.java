package org.vidcase.media.infra;

import java.io.IOException;

/** The streamed body went past the configured maximum upload size. */
public class UploadTooLargeException extends IOException {

    private final long limit;

    public UploadTooLargeException(long limit) {
        super("The file exceeds the maximum upload size of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
