package org.vidcase.shared.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    @Test
    void templatesMatchOneSegmentPerParameter() {
        Pattern media = ApiRoutes.compile(ApiRoutes.join("/api/cases/{caseId}", "/media/{mediaId}"));
        assertThat(media.matcher("/api/cases/abc/media/def").matches()).isTrue();
        assertThat(media.matcher("/api/cases/abc/media").matches()).isFalse();
        assertThat(media.matcher("/api/cases/abc/media/def/content").matches()).isFalse();
        assertThat(media.matcher("/api/cases/a/b/media/def").matches()).isFalse();
    }

    @Test
    void pathsAreJoinedWithoutDoubleOrTrailingSlashes() {
        assertThat(ApiRoutes.join("/api/cases", "")).isEqualTo("/api/cases");
        assertThat(ApiRoutes.join("/api/cases/", "/{id}/")).isEqualTo("/api/cases/{id}");
        assertThat(ApiRoutes.compile("/api/a.b").matcher("/api/aXb").matches()).as("literal dots").isFalse();
    }
}
