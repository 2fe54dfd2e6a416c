package org.vidcase.media.vics;

import java.io.Closeable;
import java.io.IOException;

/** Streams media out in one export format, record by record; closing completes the document, not the stream. */
public interface MediaExportWriter extends Closeable {

    void write(ImportedMedia media) throws IOException;
}
