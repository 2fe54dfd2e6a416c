package org.vidcase.media.infra;

import java.io.IOException;

/** Evidence storage refused or could not be reached; nothing was kept. */
public class StorageUnavailableException extends IOException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
