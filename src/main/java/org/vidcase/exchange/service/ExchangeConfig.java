package org.vidcase.exchange.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * International exchange: whether this server is a national node (default) or the hub, and the
 * settings of each role (docs/operations.md, "International exchange").
 */
@ConfigMapping(prefix = "vidcase.exchange")
public interface ExchangeConfig {

    /** What this server is in the exchange. */
    enum Mode { NODE, HUB }

    @WithDefault("node")
    Mode mode();

    /** The node's country, ISO 3166-1 alpha-2 (e.g. NL): the issuing country of its packages. */
    Optional<String> country();

    /** The node's signing keys: a JWK set of EC P-256 private keys (current and retired), each with its kid. */
    Optional<String> signingKeys();

    /** The key id that signs new packages. */
    Optional<String> signingKeyId();

    /** Base64 of at least 32 random bytes: the HMAC key of the node's series pseudonyms. Never change it. */
    Optional<String> seriesSecret();

    /** The hub, as this node reaches it. */
    Hub hub();

    /**
     * National code to international code, per categorisation profile:
     * {@code vidcase.exchange.category-map.<profile>.<national code>=<international code>}. Codes
     * without an entry are never exchanged.
     */
    Map<String, Map<String, String>> categoryMap();

    /** Largest package a node composes or a hub accepts, as a compact JWS. */
    @WithDefault("32M")
    io.quarkus.runtime.configuration.MemorySize maxPackageSize();

    /** Most entries (and, separately, feedback items and revocations) in one package. */
    @WithDefault("100000")
    int maxEntries();

    /** Hub: how many countries must agree on a category before an entry is trusted. */
    @WithDefault("3")
    int trustThreshold();

    /** Hub: most entries in one page of a delta. */
    @WithDefault("5000")
    int maxPageSize();

    /** The node's connection to the hub. */
    interface Hub {
        /** Base URL of the hub, e.g. https://hub.example; without it packages can only be written to files. */
        Optional<String> url();

        /** The hub realm's token endpoint; by default this server's own realm's. */
        Optional<String> tokenUrl();

        /** The node's client at the hub's realm: a service account with the hub-node role. */
        Optional<String> clientId();

        Optional<String> clientSecret();

        /** How often the subscription is pulled ({@code off} to pull only on request). */
        @WithDefault("15m")
        String pullEvery();

        /** Entries asked for per delta page. */
        @WithDefault("1000")
        int pageSize();

        /** How long a call to the hub may take. */
        @WithName("timeout")
        @WithDefault("60S")
        Duration timeout();
    }
}
