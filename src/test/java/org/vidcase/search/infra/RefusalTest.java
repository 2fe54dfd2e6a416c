package org.vidcase.search.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which refusals the dispatcher sets aside and which it retries. */
class RefusalTest {

    @Test
    void aDocumentThatDoesNotFitIsPermanentLoadAndServerErrorsAreRetried() {
        assertThat(new Refusal("a", 400, "mapper_parsing_exception: failed to parse").permanent()).isTrue();
        assertThat(new Refusal("a", 413, "too large").permanent()).isTrue();
        assertThat(new Refusal("a", 429, "es_rejected_execution_exception").permanent()).isFalse();
        assertThat(new Refusal("a", 408, "timeout").permanent()).isFalse();
        assertThat(new Refusal("a", 500, "internal").permanent()).isFalse();
        assertThat(new Refusal("a", 503, "unavailable_shards_exception").permanent()).isFalse();
    }
}
