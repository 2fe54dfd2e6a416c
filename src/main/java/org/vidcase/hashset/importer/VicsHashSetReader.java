package org.vidcase.hashset.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.media.vics.VicsReader;

/**
 * Project VIC VICS JSON (1.1 to 2.0) as a hash set, read with the media importer's streaming
 * parser. Each media record becomes an entry with its hashes, category, series and flags; file
 * names, paths, EXIF and notes are read past and never kept.
 */
public final class VicsHashSetReader {

    private VicsHashSetReader() {
    }

    /**
     * Reads the whole export; returns the number of entries delivered.
     *
     * @throws org.vidcase.media.vics.NotVicsException if the stream is not a VICS export
     */
    public static long read(InputStream in, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws IOException {
        long[] delivered = {0};
        try (VicsReader records = VicsReader.open(in)) {
            boolean more = true;
            while (more) {
                more = records.next(
                        media -> {
                            try {
                                onEntry.accept(entry(media));
                                delivered[0]++;
                            } catch (IllegalArgumentException e) {
                                onError.accept(new EntryError(-1, e.getMessage()));
                            }
                        },
                        error -> onError.accept(new EntryError(error.index() + 1, error.pointer() + ": " + error.message())));
            }
        }
        return delivered[0];
    }

    static ReferenceEntry entry(ImportedMedia m) {
        return new ReferenceEntry(m.md5(), m.sha1(), m.sha256(), m.pdq(), m.pdqQuality(), m.photoDna(), m.category(),
                m.series(), m.victimIdentified(), m.offenderIdentified(), m.distributed(), null);
    }
}
