package org.vidcase.media.vics;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A forensic export read one record at a time, so an import holds one record in memory whatever the file size.
 * Closing the source does not close the stream it reads: whoever opened the stream closes it.
 */
public interface ImportedMediaSource extends Closeable {

    /**
     * Reads the next record and hands it to exactly one of the two consumers.
     *
     * @return false once the export is exhausted, without calling either consumer
     * @throws MalformedExportException if the file breaks off or stops being parseable; records already handed
     *                                  out stay valid
     */
    boolean next(Consumer<ImportedMedia> onRecord, Consumer<RecordError> onError) throws IOException;
}
