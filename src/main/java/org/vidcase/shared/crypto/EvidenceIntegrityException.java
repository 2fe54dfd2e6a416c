package org.vidcase.shared.crypto;

import java.io.IOException;

/**
 * An encrypted evidence stream is not what was encrypted under this data key: wrong key, modified,
 * reordered, duplicated, truncated or extended data, or not an evidence stream at all.
 *
 * <p>An {@link IOException} because it surfaces while the stream is read; whatever the reader
 * received from the stream before it must be discarded.
 */
public class EvidenceIntegrityException extends IOException {
    public EvidenceIntegrityException(String message) {
        super(message);
    }
}
