package org.vidcase.media.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool files a killed process left in the uploads directory are deleted; nothing else is touched. */
class UploadSpoolPurgeTest {

    @TempDir
    Path uploads;

    @Test
    void leftoverSpoolFilesAreDeletedAndFoldersKept() throws Exception {
        Path left = Files.writeString(uploads.resolve("upload-1234"), "plaintext of a half-received upload");
        Path another = Files.write(uploads.resolve("upload-5678"), new byte[1024]);
        Path folder = Files.createDirectory(uploads.resolve("keep"));

        assertThat(new UploadSpoolPurge(uploads.toString()).purge()).isEqualTo(2);
        assertThat(left).doesNotExist();
        assertThat(another).doesNotExist();
        assertThat(folder).isDirectory();
        assertThat(new UploadSpoolPurge(uploads.resolve("missing").toString()).purge()).isZero();
    }
}
