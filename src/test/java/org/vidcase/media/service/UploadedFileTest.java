package org.vidcase.media.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadedFileTest {

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> UploadedFile.of(null, "/DCIM", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileName is required");
        assertThatThrownBy(() -> UploadedFile.of("  ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foldersInTheNameGoToThePath() {
        assertThat(UploadedFile.of("DCIM/100APPLE/IMG_1.jpg", null, null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "DCIM/100APPLE");
        assertThat(UploadedFile.of("100APPLE/IMG_1.jpg", "/DCIM", null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "/DCIM/100APPLE");
        assertThat(UploadedFile.of("/100APPLE/IMG_1.jpg", "/DCIM/", null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "/DCIM/100APPLE");
        assertThat(UploadedFile.of("IMG_1.jpg", "/DCIM", null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "/DCIM");
    }

    @Test
    void aNameAtTheRootKeepsTheGivenFolderOrTheRoot() {
        assertThat(UploadedFile.of("/IMG_1.jpg", null, null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "/");
        assertThat(UploadedFile.of("/IMG_1.jpg", "/DCIM", null, null, null))
                .extracting(UploadedFile::fileName, UploadedFile::path).containsExactly("IMG_1.jpg", "/DCIM");
    }

    @Test
    void aNameEndingInASlashHasNoFileAndIsKeptAsGiven() {
        assertThat(UploadedFile.of("folder/", null, null, null, null).fileName()).isEqualTo("folder/");
    }
}
