package org.vidcase.exchange.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vidcase.exchange.format.Countries;
import org.vidcase.exchange.format.InternationalCategories;
import org.vidcase.exchange.format.PackageLimits;
import org.vidcase.exchange.format.SeriesPseudonym;
import org.vidcase.exchange.format.SigningKeys;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.ConflictException;

/**
 * The exchange configuration, checked at start-up: a malformed country, key set, pseudonym secret or
 * category mapping stops the server naming the setting (never key material). Settings a node has
 * not configured make the calls that need them answer 409 naming what is missing.
 */
// Created at start-up so that malformed settings stop the server there.
@Startup
@ApplicationScoped
public class ExchangeSettings {

    private final ExchangeConfig config;
    private final String country;
    private final SigningKeys keys;
    private final SeriesPseudonym pseudonyms;
    private final Map<String, String> categoryMap;
    private final String tokenUrl;

    public ExchangeSettings(ExchangeConfig config, CategoryScheme scheme,
                            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> realm) {
        this.config = config;
        this.country = config.country().map(String::strip).orElse(null);
        if (country != null && !Countries.isCode(country)) {
            throw new IllegalArgumentException("vidcase.exchange.country must be an ISO 3166-1 alpha-2 code in upper "
                    + "case, e.g. NL");
        }
        if (config.signingKeys().isPresent() != config.signingKeyId().isPresent()) {
            throw new IllegalArgumentException("vidcase.exchange.signing-keys and vidcase.exchange.signing-key-id are "
                    + "set together");
        }
        this.keys = config.signingKeys().map(set -> {
            try {
                return SigningKeys.parse(set, config.signingKeyId().orElseThrow());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vidcase.exchange.signing-keys: " + e.getMessage());
            }
        }).orElse(null);
        this.pseudonyms = config.seriesSecret().map(secret -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(secret.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vidcase.exchange.series-secret is not base64");
            }
            if (bytes.length < SeriesPseudonym.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("vidcase.exchange.series-secret must hold at least "
                        + SeriesPseudonym.MIN_SECRET_BYTES + " bytes");
            }
            return new SeriesPseudonym(bytes);
        }).orElse(null);
        this.categoryMap = config.categoryMap().getOrDefault(scheme.profile(), Map.of());
        categoryMap.forEach((national, international) -> {
            if (!scheme.defines(national)) {
                throw new IllegalArgumentException("vidcase.exchange.category-map." + scheme.profile() + "." + national
                        + ": the " + scheme.profile() + " scheme has no code " + national);
            }
            if (!InternationalCategories.defines(international)) {
                throw new IllegalArgumentException("vidcase.exchange.category-map." + scheme.profile() + "." + national
                        + ": " + international + " is not an international category " + InternationalCategories.codes().keySet());
            }
        });
        this.tokenUrl = config.hub().tokenUrl()
                .orElse(realm.map(r -> r.replaceAll("/+$", "") + "/protocol/openid-connect/token").orElse(null));
    }

    public ExchangeConfig.Mode mode() {
        return config.mode();
    }

    /** Throws 404 unless this server is a national node. */
    public void requireNode(String what) {
        if (config.mode() != ExchangeConfig.Mode.NODE) {
            throw new ModeNotServedException(what, config.mode());
        }
    }

    /** Throws 404 unless this server is the hub. */
    public void requireHub(String what) {
        if (config.mode() != ExchangeConfig.Mode.HUB) {
            throw new ModeNotServedException(what, config.mode());
        }
    }

    public String country() {
        if (country == null) {
            throw new ConflictException("This node has no country configured (vidcase.exchange.country): it cannot "
                    + "take part in the exchange");
        }
        return country;
    }

    public SigningKeys signingKeys() {
        if (keys == null) {
            throw new ConflictException("This node has no signing key configured (vidcase.exchange.signing-keys and "
                    + "signing-key-id): packages cannot be signed");
        }
        return keys;
    }

    public SeriesPseudonym pseudonyms() {
        if (pseudonyms == null) {
            throw new ConflictException("This node has no series-pseudonym secret configured "
                    + "(vidcase.exchange.series-secret): series cannot be named in packages");
        }
        return pseudonyms;
    }

    /** The international code of a national one, or empty when it is never exchanged. */
    public Optional<String> international(String nationalCode) {
        return Optional.ofNullable(nationalCode == null ? null : categoryMap.get(nationalCode));
    }

    /** The national codes that have an international equivalent. */
    public java.util.Set<String> exchangedCodes() {
        return categoryMap.keySet();
    }

    public PackageLimits limits() {
        PackageLimits d = PackageLimits.DEFAULT;
        long bytes = config.maxPackageSize().asLongValue();
        return new PackageLimits(bytes, Math.max(d.maxPayloadBytes(), bytes * 4), config.maxEntries(),
                d.maxFramesPerEntry());
    }

    public String hubUrl() {
        return config.hub().url().map(u -> u.replaceAll("/+$", "")).orElseThrow(() -> new ConflictException(
                "This node has no hub configured (vidcase.exchange.hub.url): write the package to a file instead"));
    }

    public Optional<String> hubUrlIfSet() {
        return config.hub().url().map(u -> u.replaceAll("/+$", ""));
    }

    public String tokenUrl() {
        if (tokenUrl == null) {
            throw new ConflictException("No token endpoint for the hub (vidcase.exchange.hub.token-url)");
        }
        return tokenUrl;
    }

    public ExchangeConfig config() {
        return config;
    }
}
