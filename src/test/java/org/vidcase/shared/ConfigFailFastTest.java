package org.vidcase.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vidcase.shared.search.SearchConfig;
import org.vidcase.shared.storage.StorageConfig;

/** A missing or malformed setting stops start-up with the property's name in the message. */
class ConfigFailFastTest {

    @Test
    void missingStorageSettingsAreNamed() {
        var builder = new SmallRyeConfigBuilder().withMapping(StorageConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("vidcase.storage.bucket", "b",
                        "vidcase.storage.region", "r", "vidcase.storage.access-key", "k"), "test", 100));
        assertThatThrownBy(builder::build)
                .hasMessageContaining("vidcase.storage.endpoint")
                .hasMessageContaining("vidcase.storage.secret-key");
    }

    @Test
    void missingSearchHostsAreNamed() {
        var builder = new SmallRyeConfigBuilder().withMapping(SearchConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("vidcase.search.index-prefix", "v"), "test", 100));
        assertThatThrownBy(builder::build).hasMessageContaining("vidcase.search.hosts");
    }

    @Test
    void malformedValuesAreNamed() {
        var builder = new SmallRyeConfigBuilder().withMapping(org.vidcase.jobs.service.JobsConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("vidcase.jobs.worker-threads", "many",
                        "vidcase.jobs.progress-flush-interval", "1S"), "test", 100));
        assertThatThrownBy(builder::build).hasMessageContaining("vidcase.jobs.worker-threads");
    }
}
