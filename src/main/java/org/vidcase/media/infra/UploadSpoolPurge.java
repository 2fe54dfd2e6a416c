package org.vidcase.media.infra;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Multipart uploads are spooled in plaintext to the uploads directory while their request runs,
 * and deleted when it ends. A process killed mid-upload leaves its spool files behind (the chart's
 * {@code /tmp} is an emptyDir that outlives a container restart), so at start-up, before any
 * request, whatever is in that directory is a leftover and is deleted.
 */
@ApplicationScoped
public class UploadSpoolPurge {

    private static final Logger LOG = Logger.getLogger(UploadSpoolPurge.class);

    private final Path directory;

    public UploadSpoolPurge(@ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "file-uploads")
                            String directory) {
        this.directory = Paths.get(directory);
    }

    void onStart(@Observes StartupEvent event) {
        int removed = purge();
        if (removed > 0) {
            LOG.warnf("Deleted %d multipart spool files left by an earlier process in %s", removed, directory);
        }
    }

    /** Deletes the regular files in the uploads directory; returns how many. */
    public int purge() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    try {
                        Files.deleteIfExists(file);
                        removed++;
                    } catch (IOException e) {
                        LOG.warnf("Could not delete the leftover spool file %s: %s", file, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not list the uploads directory %s: %s", directory, e.getMessage());
        }
        return removed;
    }
}
